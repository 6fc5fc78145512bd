// jstat ships no type declarations; only what src/reconcile/statistics.ts uses.
declare module 'jstat' {
  const jstat: {
    jStat: {
      chisquare: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
      normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    };
  };
  export default jstat;
}
