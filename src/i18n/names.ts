/**
 * Names that follow the language: one set of functions for the CLI, the web app and the report,
 * so a node, flow, layer, carrier or flow kind is called the same everywhere. In English a model
 * entity shows its `nameEn` where it has one; in Chinese its `name`; ids only when nothing else
 * exists. Layers and carriers have catalogue names (水 / water, 新水 / fresh water), never raw ids.
 */
import { carrier } from '../data/carriers.ts';
import { hasMessage, t, type Lang, type Messages } from './catalog.ts';

/** Material carriers and other free names common in CP audits (energy and water carriers: src/data/carriers.ts). */
export const nameMessages: Messages = {
  'layer.component': { zh: '污染因子 {name}', en: 'component {name}' },
  'carrier.energy': { zh: '能源', en: 'energy' },
  'carrier.flue-gas': { zh: '烟气', en: 'flue gas' },
  'carrier.gypsum': { zh: '石膏', en: 'gypsum' },
  'carrier.limestone': { zh: '石灰石', en: 'limestone' },
  'carrier.slag': { zh: '炉渣', en: 'slag' },
  'carrier.ash': { zh: '灰渣', en: 'ash' },
  'carrier.fly-ash': { zh: '粉煤灰', en: 'fly ash' },
  'carrier.sludge': { zh: '污泥', en: 'sludge' },
  'carrier.combustion-air': { zh: '燃烧空气', en: 'combustion air' },
  'carrier.oxidation-air': { zh: '氧化风', en: 'oxidation air' },
  'carrier.nickel-anode': { zh: '镍阳极', en: 'nickel anode' },
  'carrier.nickel-salt-as-ni': { zh: '镍盐（折镍）', en: 'nickel salt (as Ni)' },
  'carrier.nickel-coating': { zh: '镀层镍', en: 'nickel coating' },
  'carrier.nickel-in-solution': { zh: '溶液中的镍', en: 'nickel in solution' },
  'carrier.chemicals': { zh: '化学品', en: 'chemicals' },
  'carrier.drag-out': { zh: '带出液', en: 'drag-out' },
  'carrier.recovered-liquor': { zh: '回收液', en: 'recovered liquor' },
  'carrier.fabric': { zh: '织物', en: 'fabric' },
  'carrier.grey-fabric': { zh: '坯布', en: 'grey fabric' },
  'carrier.dye': { zh: '染料', en: 'dye' },
  'carrier.auxiliaries': { zh: '助剂', en: 'auxiliaries' },
  'carrier.raw-material': { zh: '原料', en: 'raw material' },
  'carrier.product': { zh: '产品', en: 'product' },
  'carrier.waste': { zh: '废物', en: 'waste' },
  'carrier.solid-waste': { zh: '固体废物', en: 'solid waste' },
  'carrier.hazardous-waste': { zh: '危险废物', en: 'hazardous waste' },
  'carrier.exhaust': { zh: '废气', en: 'exhaust gas' },
  'carrier.air': { zh: '空气', en: 'air' },
  'carrier.packaging': { zh: '包装材料', en: 'packaging' },
  'carrier.other': { zh: '其他', en: 'other' },
  'kind.product': { zh: '产品', en: 'product' },
  'kind.by-product': { zh: '副产品', en: 'by-product' },
  'kind.waste': { zh: '废物/废水', en: 'waste' },
  'kind.emission': { zh: '排放', en: 'emission' },
  'kind.loss': { zh: '损失', en: 'loss' },
  'kind.recycle': { zh: '回用', en: 'recycle' },
  'kind.effective': { zh: '有效能', en: 'effective energy' },
  'kind.degraded': { zh: '降解/降级', en: 'degraded' },
  'kind.exported': { zh: '外供', en: 'exported' },
  'kind.other': { zh: '其他', en: 'other' },
};

/** Anything with a Chinese name, an optional English one and an id (nodes, flows, meters, the model). */
export interface Named {
  id?: string;
  name?: string;
  nameEn?: string;
}

/**
 * The name of a model entity in `lang`: `nameEn` in English where given, else `name`, else the id.
 *
 * @example
 * displayName({ id: 'dye', name: '染色车间', nameEn: 'Dyeing workshop' }, 'en') // => 'Dyeing workshop'
 * displayName({ id: 'dye', name: '染色车间' }, 'en') // => '染色车间'
 */
export function displayName(entity: Named, lang: Lang): string {
  if (lang === 'en' && entity.nameEn) return entity.nameEn;
  return entity.name || entity.nameEn || entity.id || '';
}

/**
 * A flow for tables where ids matter (reconciliation, coverage): "name (id)" — the name tells a
 * reader what it is, the id which row of the model (DO1 and D01 look alike; their names do not).
 *
 * @example
 * flowLabel({ id: 'D01', name: '总排水', nameEn: 'plant discharge' }, 'en') // => 'plant discharge (D01)'
 */
export function flowLabel(flow: Named & { id: string }, lang: Lang): string {
  const name = displayName({ name: flow.name, nameEn: flow.nameEn }, lang);
  return name ? `${name} (${flow.id})` : flow.id;
}

/**
 * `flowLabel` in both languages, for data sent on before the language is known (the web worker's
 * summaries); an entity the model does not have (undefined) is shown by its id.
 * @example labelled({ id: 'MS1', name: '化学品仓库出库台秤', nameEn: 'chemical store issue scale' }, 'MS1') // => { zh: '化学品仓库出库台秤 (MS1)', en: 'chemical store issue scale (MS1)' }
 */
export function labelled(entity: (Named & { id: string }) | undefined, id: string): { zh: string; en: string } {
  return entity ? { zh: flowLabel(entity, 'zh'), en: flowLabel(entity, 'en') } : { zh: id, en: id };
}

const BASE_LAYERS = new Set(['material', 'water', 'energy']);

/**
 * A balance layer's name: 物料 / 水 / 能源 (material / water / energy); a component keeps its
 * symbol (COD, SO2, Ni), which is the same in both languages.
 *
 * @example
 * layerName('water', 'zh') // => '水'
 * layerName('COD', 'en') // => 'COD'
 */
export function layerName(layer: string, lang: Lang): string {
  return BASE_LAYERS.has(layer) ? t(lang, `layer.${layer}`) : layer;
}

/**
 * "污染因子 COD" / "component COD" for a component layer, the layer's name otherwise (titles).
 *
 * @example
 * layerTitle('water', 'zh') // => '水'
 * layerTitle('COD', 'en') // => 'component COD'
 */
export function layerTitle(layer: string, lang: Lang): string {
  return BASE_LAYERS.has(layer) ? t(lang, `layer.${layer}`) : t(lang, 'layer.component', { name: layer });
}

/**
 * A carrier's name: the carrier table's label (电力, 新水, 原煤…), else the catalogue's name for a
 * common material (石膏, 炉渣…), else — a plant's own carrier id — the id, in English with
 * hyphens as spaces.
 *
 * @example
 * carrierName('fresh-water', 'zh') // => '新水'
 */
export function carrierName(id: string, lang: Lang): string {
  const c = carrier(id);
  if (c) return c.label[lang];
  if (hasMessage(`carrier.${id}`)) return t(lang, `carrier.${id}`);
  return lang === 'en' ? id.replace(/-/g, ' ') : id;
}

/**
 * What an output is (a flow's `kind`): 产品, 废物/废水, 损失…
 *
 * @example
 * kindName('loss', 'zh') // => '损失'
 */
export function kindName(kind: string, lang: Lang): string {
  return hasMessage(`kind.${kind}`) ? t(lang, `kind.${kind}`) : kind;
}
