// Generated Markdown articles of about 4 kB for the benchmark: a newsroom's own copy, with one in
// five reusing wire text or an agency photo, so that detection has real work to do.
const PLACES = ['PARIS', 'BERLIN', 'MADRID', 'LONDON', 'ROME', 'OSLO', 'LISBON', 'VIENNA'];
const AGENCIES = ['AFP', 'Reuters', 'dpa', 'EFE', 'AP'];
const SENTENCE = 'The harbour board met on Tuesday to discuss dredging, berth fees and the timetable for the new ferry terminal, which has been delayed twice by storms and once by a shortage of steel.';

/** `count` articles, deterministic, each with front matter, headings, paragraphs and an image. */
export function articles(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length] as string;
    const agency = AGENCIES[i % AGENCIES.length] as string;
    const isWire = i % 5 === 0;
    const lead = isWire ? `${place} (${agency}) - ${SENTENCE}` : `${SENTENCE} Reported by our staff in ${place.toLowerCase()}.`;
    const body = Array.from({ length: 18 }, (_, j) => `${SENTENCE.replace('Tuesday', `day ${j}`)}`).join('\n\n');
    const credit = i % 7 === 0 ? `*Photo: Jo Berg/${agency}*` : '*Photo: staff*';
    return `---\ntitle: Article ${i}\ndate: 2025-0${(i % 9) + 1}-1${i % 9}\nauthor: Staff\n---\n\n# Harbour update ${i}\n\n${lead}\n\n## Background\n\n${body}\n\n![The quay](quay-${i}.jpg)\n${credit}\n`;
  });
}
