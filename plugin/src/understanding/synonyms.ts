/**
 * Words and phrases customers use for catalog items.
 *
 * Two layers:
 * - WORD_LEXICON folds words of any language onto one canonical English word
 *   ("manicura", "مناكير", "mani" → "manicure"), applied to catalog names and
 *   messages alike, so "manicura de gel" matches "Gel Manicure";
 * - DEFAULT_SYNONYMS adds whole phrases per catalog (business id) and entity id
 *   (service, location or staff), merged with `snapshot.synonyms`.
 * All entries are normalised (normalize.ts) when the extractor is built, so
 * they may be written with accents, hamza or ta marbuta.
 */
import type { CatalogSnapshot } from '../catalog/types';

/** canonical (may be two words) → variants in en/es/ar. */
export const WORD_LEXICON: Record<string, string[]> = {
  manicure: ['mani', 'manis', 'manicures', 'manicura', 'manicuras', 'manicur', 'مانيكير', 'مناكير', 'منكير', 'مانكير', 'منيكير', 'مانيكور'],
  pedicure: ['pedi', 'pedis', 'pedicures', 'pedicura', 'pedicuras', 'pedicur', 'باديكير', 'بديكير', 'بدكير', 'بيديكير', 'باديكر', 'بادكير'],
  gel: ['جل', 'جيل', 'gelish'],
  classic: ['عادي', 'عاديه', 'كلاسيك', 'كلاسيكي', 'normal', 'regular', 'basic', 'simple', 'clasico', 'clasica', 'basico', 'basica', 'sencillo', 'sencilla', 'normalito'],
  french: ['فرنسي', 'فرنش', 'frances', 'francesa'],
  nails: ['nail', 'uñas', 'uña', 'unas', 'اظافر', 'اظافري', 'اضافر', 'الاظافر'],
  hair: ['cabello', 'pelo', 'شعر', 'شعري'],
  cut: ['corte', 'cortar', 'cortes', 'قص', 'قصه', 'cutting'],
  'hair cut': ['haircut', 'haircuts'],
  beard: ['barba', 'لحيه', 'دقن', 'ذقن'],
  shave: ['shaving', 'afeitado', 'afeitada', 'afeitar', 'rasurado', 'rasurada', 'rasurar', 'حلاقه'],
  massage: ['massages', 'masaje', 'masajes', 'مساج', 'تدليك'],
  facial: ['facials', 'فيشل', 'فيشيال', 'فيشال'],
  eyebrow: ['eyebrows', 'brow', 'brows', 'cejas', 'ceja', 'حواجب', 'حاجب', 'الحواجب'],
  lash: ['lashes', 'eyelash', 'eyelashes', 'pestañas', 'pestaña', 'pestanas', 'رموش'],
  threading: ['thread', 'hilo', 'خيط'],
  wax: ['waxing', 'cera', 'depilacion', 'شمع', 'واكس', 'واكسنج'],
  makeup: ['make-up', 'maquillaje', 'مكياج', 'ميكب', 'ميك'],
  bridal: ['bride', 'novia', 'عروس', 'عرايس', 'العروس'],
  evening: ['party', 'fiesta', 'سهره'],
  color: ['colour', 'coloring', 'colouring', 'dye', 'tint', 'tinte', 'tintura', 'color', 'pintar', 'teñir', 'tenir', 'صبغه', 'صبغ'],
  roots: ['root', 'raices', 'raiz', 'جذور'],
  full: ['complete', 'whole', 'completo', 'completa', 'entero', 'كامل', 'كامله'],
  body: ['cuerpo', 'جسم', 'الجسم'],
  leg: ['legs', 'pierna', 'piernas', 'ساقين', 'رجلين'],
  arm: ['arms', 'brazo', 'brazos'],
  foot: ['feet', 'pies', 'قدم', 'قدمين'],
  hot: ['caliente', 'calientes', 'ساخنه', 'حاره'],
  stone: ['stones', 'piedra', 'piedras', 'احجار', 'حجر'],
  deep: ['profundo', 'profunda', 'عميق', 'عميقه'],
  tissue: ['tejido', 'tejidos'],
  treatment: ['tratamiento', 'علاج'],
  extensions: ['extension', 'extensiones', 'تركيب'],
  scrub: ['exfoliacion', 'exfoliante', 'تقشير'],
  swedish: ['sueco', 'sueca', 'سويدي'],
  moroccan: ['marroqui', 'مغربي'],
  bath: ['baño', 'bano'],
  hydrafacial: ['hidrafacial', 'هيدرافيشل', 'هيدرا'],
  gold: ['golden', 'oro', 'ذهب', 'ذهبي'],
  henna: ['hena', 'حنه', 'حنا', 'حناء'],
  highlights: ['highlight', 'mechas', 'rayitos', 'luces', 'هايلايت', 'هايلات'],
  keratin: ['keratina', 'queratina', 'كيراتين', 'كرياتين'],
  'blow dry': ['blowdry', 'blowout', 'blow-dry', 'brushing', 'secado', 'استشوار', 'سشوار', 'شيشوار'],
  styling: ['updo', 'peinado', 'تسريحه'],
  removal: ['retiro', 'ازاله'],
  acrylic: ['acrylics', 'acrilico', 'acrilicas', 'acrilicos', 'اكريليك', 'اكريلك'],
  paraffin: ['parafina', 'بارافين'],
  reflexology: ['reflexologia'],
  combo: ['paquete'],
  face: ['cara', 'rostro', 'وجه'],
  cleansing: ['cleaning', 'cleanse', 'limpieza', 'تنظيف'],
  skin: ['piel', 'بشره'],
  child: ['kids', 'kid', 'children', 'child', 'son', 'daughter', 'boy', 'girl', 'infantil', 'niño', 'niños', 'nino', 'ninos', 'niña', 'nina', 'hijo', 'hija', 'hijos', 'chamaco', 'اطفال', 'ولدي', 'بنتي', 'عيالي', 'ياهل'],
  wash: ['lavado', 'lavar', 'غسيل'],
  art: ['arte', 'design', 'designs', 'رسم'],
  spa: ['سبا'],
  lift: ['lifting', 'رفع'],
  towel: ['toalla', 'منشفه'],
  gentleman: ['caballero', 'caballeros', 'men', 'hombre', 'رجال'],
};

/** Words that never carry meaning for catalog matching (dropped from names and messages alike). */
export const MATCH_STOPWORDS = new Set([
  'the', 'a', 'an', 'and', '&', 'with', 'for', 'of', 'per', 'set', 'to', 'in', 'my', 'please', 'pls', 'plz', 'some', 'one',
  'de', 'del', 'la', 'el', 'los', 'las', 'y', 'e', 'con', 'para', 'un', 'una', 'por', 'en', 'al', 'mi', 'favor',
  'و', 'علي', 'مع', 'في', 'من', 'ل', 'لل', 'ب', 'ابي', 'ابغي', 'بغيت', 'ودي', 'ممكن', 'لو', 'سمحت',
]);

/** Location-name words shared by many places; alone they name nothing ("mall"). */
export const GENERIC_PLACE_WORDS = new Set(['al', 'el', 'mall', 'tower', 'center', 'centre', 'centro', 'plaza', 'branch', 'norte', 'sur', 'مول', 'مجمع', 'برج', 'فرع']);

/** Per-catalog phrases keyed by business id, then entity id. */
export const DEFAULT_SYNONYMS: Record<string, Record<string, string[]>> = {
  'pearl-spa': {
    // locations: short names, areas in both scripts
    'LOC-AV': ['avenues', 'avenue', 'avenues mall', 'افنيوز', 'الافنيوز', 'rai', 'al rai', 'الري'],
    'LOC-MM': ['marina', 'مارينا', 'salmiya', 'salmiyah', 'salmiyya', 'السالميه', 'سالميه'],
    'LOC-KT': ['kout', 'al kout', 'الكوت', 'fahaheel', 'fahaheal', 'الفحيحيل', 'فحيحيل'],
    'LOC-HT': ['hamra', 'al hamra', 'الحمرا', 'الحمراء', 'برج الحمرا', 'sharq', 'شرق'],
    // services: bare head words resolve to the classic version
    'SVC-101': ['manicure', 'classic mani', 'manicure classic', 'manicure clasica'],
    'SVC-102': ['gel nails', 'gel mani'],
    'SVC-103': ['french', 'french nails', 'french tips'],
    'SVC-104': ['pedicure'],
    'SVC-105': ['gel pedi'],
    'SVC-106': ['spa pedi'],
    'SVC-107': ['gel removal', 'remove gel', 'removal'],
    'SVC-108': ['acrylic', 'acrylic nails', 'uñas acrilicas'],
    'SVC-109': ['gel nail extensions'],
    'SVC-110': ['nail art', 'art nails'],
    'SVC-111': ['paraffin', 'paraffin hands'],
    'SVC-112': ['mani pedi', 'manicure pedicure', 'mani-pedi', 'combo'],
    'SVC-201': ['hair cut', 'trim', 'قصه شعر', 'corte de pelo', 'corte de cabello', 'قص'],
    'SVC-202': ['blow dry'],
    'SVC-203': ['roots', 'root color', 'color roots'],
    'SVC-204': ['hair color', 'hair dye', 'full color', 'صبغه شعر'],
    'SVC-205': ['highlights'],
    'SVC-206': ['keratin'],
    'SVC-207': ['hair spa', 'hammam cream', 'حمام كريم'],
    'SVC-208': ['styling', 'hair styling', 'hair do', 'hairdo'],
    'SVC-301': ['eyebrow', 'eyebrow threading', 'threading', 'حواجب', 'diseño de cejas'],
    'SVC-302': ['eyebrow color', 'brow tint'],
    'SVC-303': ['lash lift'],
    'SVC-304': ['lash', 'lash extensions', 'رموش'],
    'SVC-305': ['face threading'],
    'SVC-401': ['deep cleansing', 'deep cleansing facial', 'facial cleansing', 'cleansing facial', 'skin cleansing', 'تنظيف بشره', 'limpieza facial'],
    'SVC-402': ['hydrafacial', 'hydra facial'],
    'SVC-403': ['gold facial', 'gold'],
    'SVC-501': ['swedish', 'swedish massage'],
    'SVC-502': ['deep tissue'],
    'SVC-503': ['hot stone', 'hot stones', 'stone massage', 'مساج احجار'],
    'SVC-504': ['reflexology', 'foot massage'],
    'SVC-505': ['moroccan bath', 'moroccan', 'حمام مغربي'],
    'SVC-506': ['scrub', 'body scrub'],
    'SVC-601': ['leg wax', 'leg waxing', 'legs', 'full leg wax'],
    'SVC-602': ['arm wax', 'arm waxing', 'شمع ايدين'],
    'SVC-603': ['full body wax', 'body wax'],
    'SVC-701': ['henna'],
    'SVC-702': ['evening makeup', 'party makeup'],
    'SVC-703': ['bridal', 'bridal makeup', 'wedding makeup', 'maquillaje de boda', 'مكياج زواج', 'مكياج عرس'],
    // staff: Arabic spellings of the names
    'STF-01': ['سارة', 'ساره', 'sarah'],
    'STF-02': ['ماريا', 'ماريه'],
    'STF-03': ['جوي'],
    'STF-04': ['فاطمة', 'فاطمه', 'fatma', 'fatema'],
    'STF-05': ['نورة', 'نوره', 'نورا', 'nora', 'norah'],
    'STF-06': ['غريس', 'جريس', 'قريس'],
    'STF-07': ['آنا', 'انا', 'anna'],
    'STF-08': ['ريم', 'reem'],
    'STF-09': ['لينا'],
    'STF-10': ['منى', 'مونا'],
    'STF-11': ['روز'],
    'STF-12': ['حصة', 'حصه', 'hissa', 'hessah'],
    'STF-13': ['كلير', 'claire'],
    'STF-14': ['دلال'],
  },
  'barberia-centro': {
    'LOC-RO': ['roma', 'la roma', 'colonia roma'],
    'LOC-CO': ['coyoacan', 'coyo'],
    'SVC-M1': ['corte', 'haircut', 'hair cut', 'corte de pelo', 'corte caballero'],
    'SVC-M2': ['barba', 'beard', 'beard trim', 'arreglo barba', 'perfilado de barba'],
    'SVC-M3': ['corte y barba', 'corte con barba', 'haircut and beard', 'combo'],
    'SVC-M4': ['afeitado', 'shave', 'hot towel shave', 'rasurado', 'afeitado clasico'],
    'SVC-M5': ['tinte', 'hair color', 'hair dye', 'color'],
    'SVC-M6': ['corte niño', 'corte para niño', 'kids haircut'],
    'SVC-M7': ['facial'],
    'SVC-M8': ['lavado', 'peinado', 'wash and style'],
  },
};

/** Default synonyms of the snapshot's business merged with the snapshot's own (owner edits win by adding). */
export function synonymsFor(snapshot: CatalogSnapshot): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  const add = (src: Record<string, string[]> | undefined) => {
    for (const [id, words] of Object.entries(src ?? {})) merged[id] = [...(merged[id] ?? []), ...words];
  };
  add(DEFAULT_SYNONYMS[snapshot.business.id]);
  add(snapshot.synonyms);
  return merged;
}
