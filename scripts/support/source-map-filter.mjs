// Trims the server bundle's source map to our own sources. The full map also maps ~1,200 package
// files: reading it takes ~0.5 s and ~80 MB of heap, while package frames read well enough as
// bundle locations. Where the code of a dropped source starts, a one-field (unmapped) segment is
// kept, so that those lines are not attributed to the last of our sources above them.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/** The numbers of one segment of a "mappings" string (base64 VLQ). */
function decode(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < segment.length; i++) {
    const digit = DIGIT[segment.charCodeAt(i)];
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encode(values) {
  let out = '';
  for (const n of values) {
    let vlq = n < 0 ? (-n << 1) | 1 : n << 1;
    do {
      let digit = vlq & 31;
      vlq >>>= 5;
      if (vlq > 0) digit |= 32;
      out += BASE64[digit];
    } while (vlq > 0);
  }
  return out;
}

/** A copy of a version 3 source map that only maps into the sources for which `keep` is true. */
export function keepSources(map, keep) {
  const kept = map.sources.map((s) => keep(s));
  const read = [0, 0, 0, 0]; // source, line, column, name: deltas run across lines
  const written = [0, 0, 0, 0];
  let mapped = false;
  const lines = map.mappings.split(';').map((line) => {
    if (line === '') return '';
    const out = [];
    let column = 0;
    let writtenColumn = 0;
    const unmap = () => {
      out.push(encode([column - writtenColumn]));
      writtenColumn = column;
      mapped = false;
    };
    for (const segment of line.split(',')) {
      const v = decode(segment);
      column += v[0];
      if (v.length === 1) {
        if (mapped) unmap();
        continue;
      }
      for (let i = 1; i < v.length; i++) read[i - 1] += v[i];
      if (!kept[read[0]]) {
        if (mapped) unmap();
        continue;
      }
      const fields = [column - writtenColumn];
      for (let i = 1; i < v.length; i++) {
        fields.push(read[i - 1] - written[i - 1]);
        written[i - 1] = read[i - 1];
      }
      out.push(encode(fields));
      writtenColumn = column;
      mapped = true;
    }
    return out.join(',');
  });
  // Node reads a one-field segment at the very end of the string as a full one: end with a ';'.
  return { ...map, mappings: `${lines.join(';')};` };
}
