import { describe, expect, it } from 'vitest';
import { charsetFromContent, prescanEncoding } from '../src/document/prescan.js';

const prescan = (html: string) => prescanEncoding(Buffer.from(html, 'latin1'));

describe('the prescan of a page for its declared encoding', () => {
  it('reads <meta charset> and the content-type pragma, in any case and quoting', () => {
    expect(prescan('<META CHARSET=Shift_JIS>')).toBe('shift_jis');
    expect(prescan("<meta charset = 'iso-8859-15' >")).toBe('iso-8859-15');
    expect(prescan('<meta/charset="koi8-r">')).toBe('koi8-r');
    expect(prescan('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')).toBe('windows-1251');
    expect(prescan('<meta content=\'text/html; charset="euc-jp"\' http-equiv=content-type>')).toBe('euc-jp');
  });

  it('ignores declarations in comments, in other tags and in other attributes', () => {
    expect(prescan('<!-- <meta charset="koi8-r"> --><p>x</p>')).toBeUndefined();
    expect(prescan('<!--><meta charset="koi8-r"> --><p>x</p>')).toBeUndefined();
    expect(prescan('<div title="<meta charset=koi8-r>">x</div>')).toBeUndefined();
    expect(prescan('<meta name="description" content="charset=koi8-r">')).toBeUndefined();
    expect(prescan('<metadata charset="koi8-r">')).toBeUndefined();
    expect(prescan('<!-- a --><meta charset="koi8-r">')).toBe('koi8-r');
  });

  it('takes the first of a repeated attribute, and charset over a pragma in the same tag', () => {
    expect(prescan('<meta charset="koi8-r" charset="euc-kr">')).toBe('koi8-r');
    expect(prescan('<meta http-equiv="content-type" content="charset=euc-kr" charset="koi8-r">')).toBe('koi8-r');
    expect(prescan('<meta charset="no-such-label"><meta charset="koi8-r">')).toBe('koi8-r');
  });

  it('reads a declared UTF-16 as UTF-8 and x-user-defined as windows-1252', () => {
    expect(prescan('<meta charset="utf-16">')).toBe('utf-8');
    expect(prescan('<meta charset="UTF-16BE">')).toBe('utf-8');
    expect(prescan('<meta http-equiv="content-type" content="text/html; charset=unicode">')).toBe('utf-8');
    expect(prescan('<meta charset="x-user-defined">')).toBe('windows-1252');
  });

  it('refuses labels of the replacement encoding, which would blank the page', () => {
    expect(prescan('<meta charset="iso-2022-kr">')).toBeUndefined();
  });

  it('stops at the end of the bytes given, and then reads an XML declaration', () => {
    expect(prescan('<meta charset="koi8-r"')).toBeUndefined();
    expect(prescan('<?xml version="1.0" encoding="ISO-8859-2"?><html>')).toBe('iso-8859-2');
    expect(prescan('<?xml version="1.0" encoding="utf-16"?><html>')).toBe('utf-8');
  });
});

describe('the charset in a meta content attribute', () => {
  it('follows the extraction algorithm', () => {
    expect(charsetFromContent('text/html; charset=koi8-r')).toBe('koi8-r');
    expect(charsetFromContent('text/html;charset = "koi8-r" ')).toBe('koi8-r');
    expect(charsetFromContent('charsetcharset=koi8-r;x')).toBe('koi8-r');
    expect(charsetFromContent('text/html; charset="koi8-r')).toBeUndefined();
    expect(charsetFromContent('text/html')).toBeUndefined();
  });
});
