/**
 * Which of our three languages a message is in, or null when it cannot be
 * told ("5pm", "ok", a bare name). Arabic words count one each, so a Gulf
 * customer's "ابي gel manicure باجر" stays Arabic; Latin words are scored
 * against function and chat words of English and Spanish (a general
 * language-ID library needs far more text than a WhatsApp reply). Names do
 * not count: "Noura Al Mutairi" is no Spanish "al".
 */
import type { Language } from '../catalog/types';
import { fold, normalize, tokenize } from './normalize';

const EN_WORDS = `
the i want book booking please pls plz tomorrow tmrw tmr tmrw at with my is for an and to can you do have today tonight
yes yeah yea yep yup sure hi hello hey thanks thank thx ty cheers bye name what whats where when how much price open anyone
appointment appointments appt cancel reschedule next this evening morning afternoon would like need get it that of on in are be
fine good great okay actually make change instead pm am one second first third option not any whoever nails hair manicure
pedicure massage haircut monday tuesday wednesday thursday friday saturday sunday human agent hours address services also just
start over preference again days week bookings show email number phone nope correct go ahead perfect thats definitely confirm
wait matter mind under after work skip does doesnt dont don't cant won't wont didnt im i'm its it's there their they them
we our us your u ur will could should shall may might must about again all both but by from if into just keep know later
let lets look looks lot love many maybe more most never new night now off only or other out over person really remove right
same see she he her him his so some someone something soon sorry sounds still take tell than then these thing things think
those time too try up use very wanna gonna was were which while who why already available free slot slots early late around
half quarter past ish anything anybody either honestly asap sister mom daughter son kids friend done thing come coming move
push postpone check booked status remind upcoming guys hold alright absolutely works worked good book long takes take minutes
duration located branch much cost costs don't skip drop forget add plus swap keep only rather than please
me a no call mani pedi eyebrow eyebrows brows threading lash lashes lift waxing blow dry blowdry tint highlights scrub stone hot deep tissue
swedish moroccan bath removal extensions art paraffin makeup bridal nail
cool nice awesome tysm thnx thanx lol omg btw tbh idk lemme gimme gotta kinda hun dear babe yay yep yalla inshallah
parking card cash pay safe pregnant bring daughter allowed`;

const ES_WORDS = `
quiero quisiera para mañana manana hola cita citas por favor gracias las los una uno unos unas con de del la el y si sí claro dale
va vale hoy tarde noche corte barba me llamo mi mis es esta está estan están que qué cuanto cuánto cuesta donde dónde horario
cancelar cualquiera pasado lunes martes miercoles miércoles jueves viernes sabado sábado domingo buenos buenas dias días reservar
agendar agenda tienen hay nombre correo soy segunda primera bueno perfecto sale orale órale porfa porfis porfavor xfa ahora
ahorita mejor pelo cabello uñas unas manicura pedicura masaje nada pero también tambien número numero semana opcion opción
correcto cuál cual puedo puede puedes quien quién sea igual da al en lo le se te un todo sin ya solo sólo nomas nomás mas más
muy bien cuando como cómo tengo tiene tienes necesito hora horas mismo misma temprano despues después antes luego oye oigan
simon simón nel andale ándale chido neta carnal hijo hija niño nino papá papa mamá mama esposo esposa hermano hermana
importa preferencia barbero agrega agregame quita quitale cambia cambiala cambiame mueve muevela mover cambiar reprogramar
cancela cancelala cancelame cancelen cancelenla cancelas agendala agendame agéndala confirmo confirmala trabajo dura tarda
cuesta cobran sale precio direccion dirección ubicados queda abren cierran amable adios adiós nos vemos luego eso esa ese
acuerdo listo espera todavia todavía aun aún apartado agendada quedo quedó llegar ir voy poder puedo podre alcanzar disculpa
perdon perdón avisar lugar espacio libre disponible semana dia día mes toalla caliente lavado peinado tinte afeitado niño
me a no sip volver empezar hablar alguien persona humano nuevo otra otro asi así mero
tipo ocupo chance onda wey güey padre aceptan tarjeta efectivo pago pagar estacionamiento porque chamba ratito
`;

const setOf = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(normalize));
const ES_ALL = setOf(ES_WORDS);
const EN_ALL = setOf(EN_WORDS);
/** Words of both lists ("no", "a", "me", "ya") tell nothing. */
const EN = new Set([...EN_ALL].filter((w) => !ES_ALL.has(w)));
const ES = new Set([...ES_ALL].filter((w) => !EN_ALL.has(w)));

/** Spanish verbs with object pronouns attached: "cancélamela", "agéndame", "muéveme". */
const ES_CLITIC = /^(?:cancel|agend|reagend|cambi|muev|mov|quit|pas|dej|confirm|apart|reserv|pon|recorr|agreg|mand|llam|cort|pint|rasur|afeit|diga|dig)[a-zñ]*(?:me|te|la|lo|le|mela|melo|sela|selo|nos)$/;
const EN_CONTRACTION = /\b(?:i'm|i'd|i'll|i've|don't|doesn't|didn't|can't|won't|it's|that's|what's|name's|let's|there's|isn't)\b/i;
/** Lower-case particles inside names: "Al Mutairi", "de la Luz". */
const NAME_PARTICLE = new Set(['al', 'el', 'de', 'del', 'la', 'bin', 'bint', 'abu', 'van', 'von']);
/** Particles of Arabic family names only: "de" between two unlisted words is still Spanish ("maquillaje de novia"). */
const ARABIC_NAME_PARTICLE = new Set(['al', 'bin', 'bint', 'abu']);

const has = (set: ReadonlySet<string>, t: string) => set.has(t) || set.has(fold(t));

export function detectLanguage(text: string): Language | null {
  const s = normalize(text);
  if (!s) return null;
  const tokens = tokenize(s);
  let arabic = 0;
  for (const t of tokens) if (/[\u0621-\u064a]/.test(t)) arabic++;
  const rawWords = text.match(/[\p{L}'’]+/gu) ?? [];
  const capitalised = new Set(rawWords.filter((w) => /^\p{Lu}/u.test(w)).map((w) => normalize(w)));
  // accents count in the words of the sentence, not in names ("Luis Hernández" is no Spanish)
  const lowerWords = rawWords.filter((w) => !/^\p{Lu}/u.test(w)).join(' ');
  let es = /[¿¡]/.test(text) || /[ñáéíóú]/i.test(lowerWords) ? 2 : 0;
  let en = EN_CONTRACTION.test(text.replace(/’/g, "'")) ? 2 : 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/[\u0621-\u064a]/.test(t)) continue;
    // a particle between capitalised words is part of a name ("Noura Al Mutairi"), and so is an Arabic one between two
    // words of neither language ("sarah al ali"): Spanish "al" stands before words of the sentence ("al centro")
    if (NAME_PARTICLE.has(t) && capitalised.has(t) && capitalised.has(tokens[i + 1] ?? '')) continue;
    const neither = (w: string | undefined) => !!w && !/[\u0621-\u064a]/.test(w) && !has(EN, w) && !has(ES, w) && !has(EN_ALL, w);
    if (ARABIC_NAME_PARTICLE.has(t) && neither(tokens[i - 1]) && neither(tokens[i + 1])) continue;
    if (has(ES, t) || (ES_CLITIC.test(t) && !has(EN, t))) es++;
    else if (has(EN, t)) en++;
  }
  if (arabic > 0 && arabic >= Math.max(en, es)) return 'ar';
  if (es === en) return null;
  // A one-word message of two letters or fewer ("a", "me") is not enough, except real answers.
  if (tokens.length === 1 && tokens[0].length <= 2 && !['si', 'hi', 'va', 'ty', 'ok'].includes(tokens[0])) return null;
  return es > en ? 'es' : 'en';
}
