/**
 * Automatic list numbers as word processors draw them, so that a Word or ODF list's generated labels
 * (一、 (一) 1.) can be written into the text: the heading tree reads numbering from the text.
 */
export type NumberFormat =
  | 'decimal'
  | 'decimal-fullwidth'
  | 'lower-letter'
  | 'upper-letter'
  | 'lower-roman'
  | 'upper-roman'
  | 'chinese' // 一 二 … 十 十一 … 二十
  | 'chinese-legal' // 壹 貳 … 拾 拾壹
  | 'heavenly-stem' // 甲 乙 丙 …
  | 'earthly-branch' // 子 丑 寅 …
  | 'none';

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

export function formatNumber(n: number, format: NumberFormat): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimal-fullwidth':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'lower-letter':
      return letters(n).toLowerCase();
    case 'upper-letter':
      return letters(n);
    case 'lower-roman':
      return roman(n).toLowerCase();
    case 'upper-roman':
      return roman(n);
    case 'chinese':
      return chinese(n, DIGITS, '十', '百');
    case 'chinese-legal':
      return chinese(n, LEGAL_DIGITS, '拾', '佰');
    case 'heavenly-stem':
      return n >= 1 ? STEMS[(n - 1) % STEMS.length]! : String(n);
    case 'earthly-branch':
      return n >= 1 ? BRANCHES[(n - 1) % BRANCHES.length]! : String(n);
    case 'none':
      return '';
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (up to 999; larger numbers are written in digits). */
function chinese(n: number, digits: readonly string[], ten: string, hundred: string): string {
  if (n < 1 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? digits[h]! + hundred : '';
  if (t) s += (t === 1 && !h ? '' : digits[t]!) + ten;
  else if (h && u) s += '零';
  return s + digits[u]!;
}

function letters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s || String(n);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  let k = n;
  for (const [v, r] of table) for (; k >= v; k -= v) s += r;
  return s;
}

/** Word's `w:numFmt` values → a format (null: a bullet, or a format not drawn as a number). */
export function wordFormat(numFmt: string): NumberFormat | null {
  switch (numFmt) {
    case 'decimal':
    case 'decimalZero':
      return 'decimal';
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return 'decimal-fullwidth';
    case 'lowerLetter':
      return 'lower-letter';
    case 'upperLetter':
      return 'upper-letter';
    case 'lowerRoman':
      return 'lower-roman';
    case 'upperRoman':
      return 'upper-roman';
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
      return 'chinese';
    case 'ideographLegalTraditional':
    case 'chineseLegalSimplified':
      return 'chinese-legal';
    case 'ideographTraditional':
      return 'heavenly-stem';
    case 'ideographZodiac':
      return 'earthly-branch';
    case 'none':
      return 'none';
    default:
      return null;
  }
}

/** ODF `style:num-format` values (the first item of LibreOffice's `一, 二, 三, ...` lists) → a format. */
export function odfFormat(numFormat: string): NumberFormat | null {
  const first = numFormat.split(',')[0]!.trim();
  switch (first) {
    case '1':
      return 'decimal';
    case '１':
      return 'decimal-fullwidth';
    case 'a':
      return 'lower-letter';
    case 'A':
      return 'upper-letter';
    case 'i':
      return 'lower-roman';
    case 'I':
      return 'upper-roman';
    case '一':
    case '○':
      return 'chinese';
    case '壹':
      return 'chinese-legal';
    case '甲':
      return 'heavenly-stem';
    case '子':
      return 'earthly-branch';
    case '':
      return 'none';
    default:
      return null;
  }
}
