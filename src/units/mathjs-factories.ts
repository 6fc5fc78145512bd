/**
 * The three mathjs factories the unit engine needs, as named imports: a browser bundle then carries
 * mathjs's units (~160 KB raw) rather than the whole library (~740 KB). Imported lazily by
 * loadUnitEngine (src/units/units.ts).
 */
export { create, createUnitDependencies, unitDependencies } from 'mathjs';
