import type { Catalogue } from '../../catalogue/compile.js';
import type { ContentKind } from '../../catalogue/schema.js';
import type { Region } from '../../document/region.js';
import { namedParts } from './credit-parts.js';
import { CREDIT_SEPARATORS, MAX_PART, type Named, namedIn, splitParts } from './parts.js';
import { type Hit, hitsOf, type Shape } from './shape.js';

// The lines that credit a page's pictures, videos and charts where a site sets them as text: the
// labels of such a credit ("Foto: dpa", "Video: Reuters", "Grafik: dpa", read by `sourceLine`), a
// paragraph or a small heading right under a picture, a credit row under its caption, a caption
// set apart that ends with its credit, and the heading of a page's picture credits ("Bildnachweis").

// "Photo: Jane Doe/AP", "Foto: dpa", "Bild: Imago", "Image credit: Reuters", "Photos (from left):
// AP, AFP, Reuters", "फोटो: पीटीआई", "फोटो- पीटीआई", "图片来源：路透社", "圖／美聯社", "צילום: רויטרס", "عکس:
// رویترز", Korean sites' "사진=AP 연합뉴스" (an AP picture through Yonhap) set as a paragraph, and the labels
// of a page's picture credits as sites write them in their languages: "Bildnachweis: dpa, Getty
// Images", "Crédits photos : AFP", "Fotoğraflar: AA", "Źródło zdjęć: PAP"; Polish "fot. PAP", whose
// abbreviation needs no colon; Bengali "ছবি: এএফপি", Urdu "فائل فوٹو: رائٹرز"; and the BBC's "image
// source" in Persian, Urdu and Arabic, set before the credit after a comma ("منبع تصویر، EPA",
// "تصویر کا ذریعہ، Reuters"). Labels in Arabic script are written here
// as the text reads them, Persian and Urdu kaf and yeh folded to Arabic's (see characters.ts).
const PICTURE_CREDITS = String.raw`bildnachweise?|bildquellen?|bildrechte|fotonachweise?|fotoquellen?|crédits? (?:des )?(?:photos?|images|illustrations)|créditos? (?:fotográficos?|de (?:las )?(?:imágenes|fotos|fotografías)|das (?:imagens|fotos))|crediti (?:fotografici|(?:delle )?(?:foto|immagini))|fotoğraflar|sumber (?:foto|gambar)|źródł[oa] zdjęć|zdroj (?:fotografií|fotek|obrázků)|foto- en beeldverantwoording|fotoverantwoording|beeldverantwoording|(?:image|photo|picture) credits?`;
const PICTURE_CREDITS_HEADING = new RegExp(String.raw`^(?:${PICTURE_CREDITS}|credits?|crédits?)\s*:?$`, 'iu');

/** Whether a heading is one of a page's picture credits ("Bildnachweis", "Photo credits", "Crédits photos"). */
export function isPictureCreditsHeading(text: string): boolean {
  return text.length <= 40 && PICTURE_CREDITS_HEADING.test(text.trim());
}
export const PHOTO_LABEL = new RegExp(String.raw`^\(?(?:(?:main |top |header |cover |featured |file |फाइल |فائل )?(?:photos?|fotos?|fotó|bild(?:er)?|images?|imagen|imagem|pictures?|fotografía|fotografia|fotografie|zdjęcie|kép|snímek|фото|світлина|fotoğraf|kuva|billede|bilde|फोटो|तस्वीर|صورة|الصورة|تصوير|图片来源|圖片來源|图源|圖源|图片|圖片|照片|图|圖|写真|画像|사진|ภาพ|ảnh|φωτογραφία|φωτο|fotografija|снимка|nuotr\.?|nuotrauka|צילום|عكس|ছবি|فوٹو|fot\.)(?: credits?| source)?|منبع تصوير|تصوير كا ذريعہ|مصدر الصورة|ছবির উৎস|credits?(?: photo)?|crédits?(?: photo)?|${PICTURE_CREDITS})(?:\s*\([^()]{1,30}\))?\s*(?:[:：／・،]|(?<=사진\s*)=|(?<=फोटो\s*)[-–—]|(?<=\bfot\.)(?=\s))\s*`, 'iu');
// "Video: Reuters", "Vidéo : AFP", "Vídeo: EFE" set as a paragraph (under a player, whose caption it is).
export const VIDEO_LABEL = /^\(?(?:videos?|vidéos?|vídeos?|filmati?)(?: credits?| source)?\s*:\s*/iu;
// "Grafik: dpa", "Graphic: Reuters", "Infografía: EFE" set as a paragraph (under a chart).
export const GRAPHIC_LABEL = /^\(?(?:(?:info)?gr[aá](?:fika?|fiek|phics?|phique|fica|fico|fía)|infographics?|infographie|chart|karte|map)(?: credits?| source)?\s*:\s*/iu;
// A picture's field label set as a block of its own, its credit in the next block: "Photo" then
// "Name/AFP" (see `SOURCE_FIELD` in source-lines.ts).
export const PHOTO_FIELD = /^(?:photos?|fotos?|bild(?:er)?|images?|pictures?|(?:photo |image )?credits?|crédits?)\s*:?$/iu;

/** The holders a credit line names from `start` on, each part a name: "Name/AFP", "dpa, Reuters". */
export function creditLine(text: string, start: number, catalogue: Catalogue, kind: ContentKind | undefined): Hit[] {
  return hitsOf(splitParts(text, CREDIT_SEPARATORS, start).flatMap((part) => namedIn(text, part, catalogue) ?? []), 'credit-line', 'credit', kind);
}

/**
 * A plain paragraph right under a picture, or right after a label of its own ("Bild:"), is the
 * picture's caption whatever its markup: "... Universitätsklinikum / picture alliance".
 */
export const captionUnderPicture: Shape = (region, { before, above, catalogue }) => {
  if (isUnderPicture(before)) return namedParts(region.text, 'caption', catalogue);
  const isCreditRow = region.text.length <= MAX_CAPTION_UNDER_PICTURE && isCreditUnderCaption(before, above) && opensWithCredit(region.text, catalogue);
  return isCreditRow ? namedParts(region.text, 'caption', catalogue) : [];
};

/**
 * Whether a block opens with a credit: a holder's name (after a picture's label: "Photo by AFP")
 * or a person's, as a credit row does; a list under its own label ("My links: CNN | Reuters") is none.
 */
function opensWithCredit(text: string, catalogue: Catalogue): boolean {
  const parts = splitParts(text, CREDIT_SEPARATORS);
  const first = parts[0] && PHOTO_FIELD.test(text.slice(parts[0].from, parts[0].to)) ? parts[1] : parts[0];
  return first !== undefined && (namedIn(text, first, catalogue) !== undefined || PERSON.test(text.slice(first.from, first.to)));
}

/** How long a line right under a picture may be to be read as its caption, credit and all. */
export const MAX_CAPTION_UNDER_PICTURE = 100;

/** How long a caption may be that stands between a picture and its credit. */
const MAX_CAPTION_ABOVE = 200;

// A caption: a sentence, or four words or more. A teaser card's category label under its
// thumbnail ("Politics", then the source "AFP") is none.
const CAPTION_SHAPE = /^\S+(?:\s+\S+)*\s+\S+[.!?)]$|^\S+(?:\s+\S+){3,}$/u;

/**
 * Whether a block stands under a picture's caption, itself right under the picture: a table
 * layout's credit row below the caption's ("The levee in 2001." then "Associated Press file photo").
 */
function isCreditUnderCaption(before: Region | undefined, above: Region | undefined): boolean {
  if (before === undefined || (before.kind !== 'body' && before.kind !== 'caption') || before.isLink || before.text.length > MAX_CAPTION_ABOVE) return false;
  return (above?.kind === 'alt' || above?.kind === 'src') && CAPTION_SHAPE.test(before.text);
}

// A caption's credit after its last sentence, slash-joined names: "... the North Sea. REUTERS/Ian
// Dobbs/Files". One of them is a person's (capitalised words), so that "Reuters/Ipsos" closing a
// sentence about a poll is none.
const CREDIT_AT_END = /[.!?"”»]\s+([^.!?"”»()[\]]{3,60})$/u;
const SLASHES = /\s*\/\s*/g;
const PERSON = /^\p{Lu}[\p{L}\p{M}'’.-]+(?:\s\p{Lu}[\p{L}\p{M}'’.-]*){1,3}$/u;
const ARCHIVE = /^(?:files?|archives?|pool|handout|stringer)$/iu;
/** How long a block that ends with its credit may be: a caption, not a story's paragraph. */
export const MAX_CAPTION = 300;

/**
 * A caption set as a block of its own, away from its picture (a table layout puts it in the
 * outer table's next row, below the story's first lines), that ends with its credit.
 */
export const creditAtEnd: Shape = (region, { catalogue }) => {
  const text = region.text;
  if (text.length > MAX_CAPTION || !text.includes('/')) return [];
  const match = CREDIT_AT_END.exec(text);
  if (!match?.[1]) return [];
  const start = match.index + match[0].length - match[1].length;
  const parts = splitParts(text, SLASHES, start);
  if (parts.length < 2) return [];
  const named = parts.map((part) => namedIn(text, part, catalogue));
  const words = parts.map((part) => text.slice(part.from, part.to));
  const hasPerson = words.some((word, i) => !named[i] && PERSON.test(word));
  if (!hasPerson || !words.every((word, i) => named[i] || PERSON.test(word) || ARCHIVE.test(word))) return [];
  return hitsOf(named.filter((name): name is Named => name !== undefined), 'credit-line', 'credit', undefined);
};

/**
 * A short heading right under a picture that is its credit ("<h6>REUTERS/Name</h6>"); a longer one
 * is a title, and so is one under a picture that stands apart from it, in or out of the story (a
 * job listing's "Photo Editor – Reuters" under the site's logo).
 */
export const creditHeadingUnderPicture: Shape = (region, context) =>
  region.text.length <= MAX_PART && context.before?.isInStory === region.isInStory ? captionUnderPicture(region, context) : [];

/**
 * Whether a block follows a picture, or a label of a picture's credit standing alone: with its
 * colon, or without it where a box's title or a term of a list sets it ("Bildquelle" over "dpa").
 */
export function isUnderPicture(before: Region | undefined): boolean {
  if (before?.kind === 'alt' || before?.kind === 'src') return true;
  if (before === undefined || before.text.length >= 20) return false;
  return isPhotoLabel(before.text) || (before.kind === 'body' && isPhotoLabel(`${before.text}:`));
}

/** Whether a text is a picture's credit label and nothing else ("Foto:", "사진=", "fot."). */
function isPhotoLabel(text: string): boolean {
  const label = PHOTO_LABEL.exec(`${text} `);
  return label !== null && label[0].length > text.length;
}
