/** Types of scripts/build.mjs for the TypeScript that imports it (the test setup). */
export declare const JS_OUT: string;
export declare const CLI_OUT: string;
export declare function isFresh(): boolean;
export declare function buildJs(): Promise<void>;
export declare function ensureBuilt(): Promise<void>;
