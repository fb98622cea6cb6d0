// The element categories of the HTML standard's tree construction (13.2.4.2, 13.2.6), and the
// sets of tag names its insertion modes treat alike.
const set = (names: string): ReadonlySet<string> => new Set(names.split(' '));
export const SPECIAL = set('address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp');
export const FORMATTING = set('a b big code em font i nobr s small strike strong tt u');
export const IMPLIED_END = set('dd dt li optgroup option p rb rp rt rtc');
export const SCOPE = set('applet caption html table td th marquee object template');
export const BUTTON_SCOPE = set('applet caption html table td th marquee object template button');
export const LIST_SCOPE = set('applet caption html table td th marquee object template ol ul');
export const TABLE_SCOPE = set('html table template');
export const HEADINGS = set('h1 h2 h3 h4 h5 h6');
export const CLOSES_P = set('address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup main menu nav ol p search section summary ul');
export const BLOCK_END = set('address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header hgroup listing main menu nav ol pre search section summary ul');
export const HEAD_VOID = set('base basefont bgsound link meta');
export const RAW = set('title textarea style script xmp iframe noembed noframes');
export const BODY_VOID = set('area br embed img keygen wbr input');
export const TABLE_PARTS = set('caption col colgroup frame head tbody td tfoot th thead tr');
export const SECTIONS = set('tbody tfoot thead');
/** The elements whose insertion modes are the table's own: in table, in table body, in row, in column group. */
export const TABLE_MODES = set('table tbody tfoot thead tr colgroup');
/** Where an inserted node would land in a table outside its cells, and is moved before the table instead. */
export const FOSTER_TARGETS = set('table tbody tfoot thead tr');
export const BREAKOUT = set('b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var');
export const INTEGRATION_POINTS = set('foreignobject desc title annotation-xml mi mo mn ms mtext');
export const IGNORED_IN_TABLE = set('body caption col colgroup html tbody td tfoot th thead tr');
export const LEFT_TO_PARSER = set('frameset frame plaintext');
export const MARKED = set('applet marquee object');
/** The entry that separates a table cell's (or an object's) formatting elements from those outside. */
export const MARKER = 'marker';
