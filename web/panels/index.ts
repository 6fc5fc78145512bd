/** Registers every panel of the page (one import per panel module; see registry.ts). */
import './core.ts';
import './measurement.ts';
import './vocs.ts';
import './results.ts';

export { registeredPanels, registerPanel, type Panel, type PanelContext } from './registry.ts';
