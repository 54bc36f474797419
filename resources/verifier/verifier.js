// SCFN certificate card verifier: the procedure of docs/verification.md in the browser.
// Runs offline from one HTML file: the trusted keys and the signed revocation list are
// embedded by credentials/html_verifier.py. Ed25519 through WebCrypto where the browser has
// it, otherwise tweetnacl 1.0.3 (vendored, public domain); "#engine=tweetnacl" forces it.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("scfn-data").textContent);
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const SPACES = /[\t\n\v\f\r \x85\u1680\u2028\u2029]/g;
  const DASHES = /[-\u2010-\u2015\u2212\u30fc]/g;
  const L = (1n << 252n) + 27742317777372353535851937790883648493n; // Ed25519 group order
  const enc = new TextEncoder();
  const $ = (id) => document.getElementById(id);
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const b64 = (text) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")),
                                        (c) => c.charCodeAt(0));
  const LABELS = {
    valid: ["有効", "Valid"], expired: ["有効期限切れ", "Expired"],
    revoked: ["取消済み", "Revoked"], superseded: ["旧版（再交付済み）", "Superseded (reissued)"],
    unknown_key: ["不明な発行者鍵", "Unknown issuer key"], forged: ["偽造・改ざん", "Forged or altered"],
  };
  const KEYS = {};
  for (const key of DATA.keys) KEYS[key.id] = { raw: b64(key.raw), label: key.label };
  let engine = "tweetnacl";
  let listing = null;       // verified revocation payload, or null
  let listRefused = false;  // the embedded list failed its check: nothing can be trusted

  class Refusal extends Error {
    constructor(code, ja, en) { super(en); this.code = code; this.ja = ja; this.en = en; }
  }

  function normalise(text) {
    return text.normalize("NFKC").toUpperCase().replace(SPACES, "").replace(DASHES, "")
      .replace(/[IL]/g, "1").replace(/O/g, "0");
  }

  function base32Decode(text) {
    const clean = normalise(text);
    if (clean.length > 1024) throw new Refusal("malformed", "コードが長すぎます。", "The code is too long.");
    const bytes = [];
    let buffer = 0, bits = 0, position = 0;
    for (const ch of clean) {
      position += 1;
      const value = ALPHABET.indexOf(ch);
      if (value < 0) {
        throw new Refusal("malformed", `${position}文字目の「${ch}」はコードに使われない文字です。`,
                          `Character ${position} (${ch}) is not used in these codes.`);
      }
      buffer = (buffer << 5) | value; bits += 5;
      if (bits >= 8) { bits -= 8; bytes.push(buffer >> bits); buffer &= (1 << bits) - 1; }
    }
    if (bits >= 5 || buffer !== 0) {
      throw new Refusal("malformed", "コードの長さか最後の文字が正しくありません（読み取りの欠けや打ち間違い）。",
                        "The code's length or last character is wrong (a partial scan or a typing slip).");
    }
    return { frame: new Uint8Array(bytes), clean };
  }

  // SHA-256 for pages opened without WebCrypto (an insecure http:// origin on a phone).
  function sha256Fallback(data) {
    const K = new Uint32Array([
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
    const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const length = data.length, padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
    padded.set(data); padded[length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 4, length * 8); view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
    const W = new Uint32Array(64), rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let offset = 0; offset < padded.length; offset += 64) {
      for (let i = 0; i < 16; i++) W[i] = view.getUint32(offset + 4 * i);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(W[i - 15], 7) ^ rotr(W[i - 15], 18) ^ (W[i - 15] >>> 3);
        const s1 = rotr(W[i - 2], 17) ^ rotr(W[i - 2], 19) ^ (W[i - 2] >>> 10);
        W[i] = (W[i - 16] + s0 + W[i - 7] + s1) >>> 0;
      }
      let [a, b, c, d, e, f, g, h] = H;
      for (let i = 0; i < 64; i++) {
        const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + W[i]) >>> 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        h = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      H[0] += a; H[1] += b; H[2] += c; H[3] += d; H[4] += e; H[5] += f; H[6] += g; H[7] += h;
    }
    const out = new Uint8Array(32), outView = new DataView(out.buffer);
    H.forEach((word, i) => outView.setUint32(4 * i, word));
    return out;
  }

  async function sha256(data) {
    if (engine === "webcrypto") return new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    return sha256Fallback(data);
  }

  async function ed25519Verify(raw, context, data, signature) {
    if (signature.length !== 64) return false;
    let s = 0n;  // reject a non-canonical S (>= L) everywhere, as OpenSSL and WebCrypto do
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]);
    if (s >= L) return false;
    const prefix = enc.encode(context);
    const message = new Uint8Array(prefix.length + 1 + data.length);
    message.set(prefix); message.set(data, prefix.length + 1);
    if (engine === "webcrypto") {
      const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
      return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message);
    }
    return self.nacl.sign.detached.verify(message, signature, raw);
  }

  async function chooseEngine() {
    if (location.hash === "#engine=tweetnacl" || !(self.crypto && crypto.subtle)) return "tweetnacl";
    try {
      await crypto.subtle.importKey("raw", new Uint8Array(32).fill(1), { name: "Ed25519" }, false, ["verify"]);
      return "webcrypto";
    } catch (error) {
      return "tweetnacl";
    }
  }

  const DATE_RE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const NUMBER_RE = /^SCFN-[0-9]{4}-(?:[0-9]{5}|[1-9][0-9]{5,9})$/;

  async function readRevocationList(text) {
    const bad = new Refusal("bad_signature", "失効リストの署名が一致しません。改ざんされたか破損しています。使用しないでください。",
                            "The revocation list's signature does not match: it was altered or damaged. Do not use it.");
    const malformed = new Refusal("malformed", "失効リストのファイル形式が正しくありません。",
                                  "The revocation list file is not in the expected format.");
    let file;
    try { file = JSON.parse(text); } catch (error) { throw malformed; }
    if (!file || typeof file.payload !== "string" || typeof file.key_id !== "string") throw malformed;
    if (typeof file.signature !== "string" || !/^[A-Za-z0-9_-]{86}$/.test(file.signature)) throw bad;
    if (Object.keys(file).length !== 3) throw malformed;
    if (!(file.key_id in KEYS)) {
      throw new Refusal("unknown_key", `失効リストは登録されていない鍵（鍵ID ${file.key_id}）で署名されています。`,
                        `The revocation list is signed by a key this page does not trust (key id ${file.key_id}).`);
    }
    const ok = await ed25519Verify(KEYS[file.key_id].raw, "SCFN/revocation-list/v1",
                                   enc.encode(file.payload), b64(file.signature));
    if (!ok) throw bad;
    let payload;
    try { payload = JSON.parse(file.payload); } catch (error) { throw malformed; }
    if (!payload || payload.format !== "scfn-revocation-list" || payload.version !== 1
        || payload.issuer_key_id !== file.key_id || !Array.isArray(payload.entries)
        || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/.test(payload.issued_at)) {
      throw malformed;
    }
    for (const e of payload.entries) {
      if (!e || !NUMBER_RE.test(e.number) || !Number.isInteger(e.revision) || e.revision < 1
          || e.revision > 255 || !["revoked", "superseded"].includes(e.status) || !DATE_RE.test(e.date)) {
        throw malformed;
      }
    }
    return payload;
  }

  function withdrawal(number, revision) {
    if (!listing) return null;
    const mine = listing.entries.filter((e) => e.number === number);
    return mine.find((e) => e.status === "revoked")
      ?? mine.filter((e) => e.status === "superseded" && e.revision > revision)
        .sort((a, b) => b.revision - a.revision)[0] ?? null;
  }

  function japanToday() {
    return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
  }

  const jaDate = (iso) => `${+iso.slice(0, 4)}年${+iso.slice(5, 7)}月${+iso.slice(8, 10)}日`;
  const dayNumber = (iso) => Math.round((Date.parse(iso) - Date.parse("2000-01-01")) / 86400000);

  async function verifyCard(text, holderName) {
    const today = japanToday();
    const verdict = (status, ja, en, extra) => ({ status, ja, en, today, ...extra });
    if (!text.trim()) return verdict("forged", "コードが読み取られていません。", "No code was read.");
    let decoded;
    try { decoded = base32Decode(text); } catch (error) {
      const card = normalise(text).startsWith("041");
      return verdict("forged", (card ? "読み取りが不完全か、入力を誤っています。" : "認定証のコードではありません。") + error.ja,
                     (card ? "Incomplete scan or mistyped. " : "Not a certificate code. ") + error.en);
    }
    const frame = decoded.frame;
    if (frame.length < 2) return verdict("forged", "認定証のコードではありません。", "Not a certificate code.");
    if (frame[0] !== 1) {
      return verdict("forged", `この確認ページが対応していない形式です（版 ${frame[0]}）。`,
                     `A format this verifier does not support (version ${frame[0]}).`);
    }
    if (frame[1] === 1) {
      return verdict("forged", "認定証ではなく受付用バッジのコードです。", "A check-in badge, not a certificate.");
    }
    if (frame[1] !== 2 || frame.length !== 87) {
      const card = frame[1] === 2;
      return verdict("forged", card ? "読み取りが不完全か、入力を誤っています。" : "認定証のコードではありません。",
                     card ? "Incomplete scan or mistyped." : "Not a certificate code.");
    }
    const keyId = hex(frame.subarray(2, 6));
    if (!(keyId in KEYS)) {
      return verdict("unknown_key", `このコードは登録されていない鍵（鍵ID ${keyId}）で署名されています。発行元に確認してください。`,
                     `This code is signed by a key this page does not trust (key id ${keyId}); ask the issuer.`, { keyId });
    }
    if (!(await ed25519Verify(KEYS[keyId].raw, "SCFN/token/v1", frame.subarray(0, 23), frame.subarray(23)))) {
      return verdict("forged", "改ざんされたか、読み取り・入力の誤りです。署名が一致しません。",
                     "Altered or mistyped: the signature does not match.", { keyId });
    }
    const body = new DataView(frame.buffer, frame.byteOffset + 6, 17);
    const day = (n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10);
    const claims = {
      number: `SCFN-${body.getUint16(0)}-${String(body.getUint32(2)).padStart(5, "0")}`,
      revision: body.getUint8(6), certifiedOn: day(body.getUint16(7)), validUntil: day(body.getUint16(9)),
      initials: String.fromCharCode(body.getUint8(11), body.getUint8(12)), digest: hex(frame.subarray(19, 23)),
    };
    const extra = { keyId, claims };
    if (holderName && holderName.trim()) {
      const name = holderName.normalize("NFKC").replace(SPACES, "").toUpperCase();
      const words = holderName.normalize("NFKC").toUpperCase().split(SPACES).filter((w) => w);
      const initial = (w) => (/^[A-Z]/.test(w || "") ? w[0] : "_");
      const initials = initial(words[0]) + (words.length > 1 ? initial(words[words.length - 1]) : "_");
      const digest = hex((await sha256(enc.encode(name))).subarray(0, 4));
      extra.holderMatch = claims.initials !== "__" && digest === claims.digest && initials === claims.initials;
    }
    const entry = withdrawal(claims.number, claims.revision);
    extra.withdrawal = entry;
    if (entry && entry.status === "revoked") {
      return verdict("revoked", `この認定は ${jaDate(entry.date)} に取り消されています。`,
                     `This certification was revoked on ${entry.date}.`, extra);
    }
    if (entry) {
      return verdict("superseded", `この認定証（第${claims.revision}版）は再交付され、第${entry.revision}版が有効な認定証です。古い認定証は使えません。`,
                     `This card (revision ${claims.revision}) was reissued; revision ${entry.revision} is the card in force.`, extra);
    }
    if (claims.certifiedOn > today) {
      return verdict("expired", `認証日 ${jaDate(claims.certifiedOn)} より前のため、まだ有効ではありません。端末の日付を確認してください。`,
                     `Not valid before its certification date ${claims.certifiedOn}; check this device's date.`,
                     { ...extra, notYetValid: true });
    }
    const left = dayNumber(claims.validUntil) - dayNumber(today);
    if (left < 0) {
      return verdict("expired", `有効期限 ${jaDate(claims.validUntil)} を ${-left} 日過ぎているため、有効期限切れです。`,
                     `Expired: the validity ended on ${claims.validUntil}, ${-left} days ago.`, extra);
    }
    const caveat = listing ? ["", ""] : ["（失効リストがないため、取消・再交付は確認していません）",
                                          " (no revocation list: revocation and reissue were not checked)"];
    return verdict("valid", `発行者の署名が確認でき、有効期限 ${jaDate(claims.validUntil)} まで有効です（残り ${left} 日）。${caveat[0]}`,
                   `The issuer's signature checks out; valid until ${claims.validUntil} (${left} days left).${caveat[1]}`, extra);
  }

  self.SCFNVerifier = { verifyCard, readRevocationList, engine: () => engine, sha256Fallback };
  self.SCFNVerifierUI = { LABELS, jaDate, get listing() { return listing; },
                          set listing(value) { listing = value; },
                          get refused() { return listRefused; }, set refused(value) { listRefused = value; },
                          chooseEngine: async () => { engine = await chooseEngine(); return engine; } };
})();
