// The page around verifier.js: input (typing, a keyboard-wedge scanner's Enter, a camera where
// the browser has BarcodeDetector), the result panel, and loading a newer revocation list.
"use strict";
(function () {
  const V = self.SCFNVerifier, UI = self.SCFNVerifierUI, DATA = JSON.parse(
    document.getElementById("scfn-data").textContent);
  const $ = (id) => document.getElementById(id);
  const esc = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  function showList(payload) {
    if (!payload) {
      $("list-status").textContent = "失効リスト: なし（取消・再交付は確認できません） / Revocation list: none";
      return;
    }
    const jst = new Date(Date.parse(payload.issued_at) + 9 * 3600 * 1000).toISOString()
      .slice(0, 16).replace("T", " ");
    $("list-status").textContent = `失効リスト: ${jst} JST 時点、${payload.entries.length} 件 / `
      + `Revocation list of ${jst} JST, ${payload.entries.length} entries`;
  }

  function render(verdict) {
    const [ja, en] = verdict.notYetValid ? ["有効期間前", "Not yet valid"] : UI.LABELS[verdict.status];
    const rows = [];
    const c = verdict.claims;
    if (c) {
      rows.push(["認定番号", "Certificate number", c.number], ["版", "Card revision", c.revision],
                ["認証日", "Certified on", `${UI.jaDate(c.certifiedOn)} (${c.certifiedOn})`],
                ["有効期限", "Valid until", `${UI.jaDate(c.validUntil)} (${c.validUntil})`],
                ["イニシャル", "Holder initials", c.initials]);
    }
    if (verdict.keyId) rows.push(["発行者鍵ID", "Issuer key id", verdict.keyId]);
    if (verdict.withdrawal) {
      rows.push(["取消・再交付日", "Withdrawn on", verdict.withdrawal.date]);
      if (verdict.withdrawal.reason) rows.push(["理由", "Reason", verdict.withdrawal.reason]);
    }
    if (verdict.holderMatch !== undefined) {
      rows.push(["氏名の照合", "Name check", verdict.holderMatch ? "一致 / match" : "不一致 / no match"]);
    }
    rows.push(["確認日", "Checked on", verdict.today]);
    const result = $("result");
    result.dataset.state = verdict.status;
    result.hidden = false;
    result.innerHTML = `<p class="label"><span lang="ja">${esc(ja)}</span> <span lang="en">${esc(en)}</span></p>`
      + `<p lang="ja">${esc(verdict.ja)}</p><p lang="en" class="en">${esc(verdict.en)}</p>`
      + `<table>${rows.map(([j, e, v]) => `<tr><th><span lang="ja">${esc(j)}</span><br><span class="en">${esc(e)}</span></th>`
      + `<td>${esc(v)}</td></tr>`).join("")}</table>`;
  }

  async function check() {
    if (UI.refused) return;
    const verdict = await V.verifyCard($("code").value, $("name").value);
    render(verdict);
    $("code").select();  // the next scan replaces this one
  }

  async function loadFile(file) {
    const status = $("file-status");
    try {
      if (file.size > 8 * 1024 * 1024) throw new Error("too large");
      const payload = await V.readRevocationList(await file.text());
      if (UI.listing && payload.issued_at < UI.listing.issued_at) {
        status.dataset.state = "refused";
        status.textContent = "このリストは現在のものより古いため、使いません。 / This list is older than the current one.";
        return;
      }
      UI.listing = payload;
      showList(payload);
      status.dataset.state = "loaded";
      status.textContent = `${file.name} を読み込みました。 / Loaded ${file.name}.`;
    } catch (error) {
      status.dataset.state = "refused";
      status.textContent = `${file.name}: ${error.ja || "読み込めません。"} / ${error.en || error.message}`;
    }
  }

  async function camera() {
    const video = $("video");
    const detector = new BarcodeDetector({ formats: ["qr_code"] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.hidden = false; video.srcObject = stream; await video.play();
    const timer = setInterval(async () => {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length) {
        clearInterval(timer); stream.getTracks().forEach((t) => t.stop()); video.hidden = true;
        $("code").value = codes[0].rawValue; check();
      }
    }, 250);
  }

  async function start() {
    const engine = await UI.chooseEngine();
    $("engine").textContent = engine === "webcrypto" ? "Ed25519: WebCrypto" : "Ed25519: tweetnacl 1.0.3";
    $("generated").textContent = DATA.generated_at;
    $("keys").textContent = DATA.keys.map((k) => `${k.id} (${k.fingerprint})`).join(", ");
    if (DATA.revocations) {
      try {
        UI.listing = await V.readRevocationList(DATA.revocations);
      } catch (error) {
        UI.refused = true;
        $("banner").hidden = false;
        $("banner").textContent = `このページに含まれる失効リストを確認できません: ${error.ja} `
          + "このページは使わず、発行元から新しいページを入手してください。 / "
          + `The revocation list embedded in this page fails its check: ${error.en} `
          + "Do not use this page; obtain a new one from the issuer.";
        $("verify").disabled = true; $("code").disabled = true;
      }
    }
    if (UI.refused) {
      $("list-status").textContent = "失効リスト: 署名が一致しないため使用できません / Revocation list: refused";
    } else {
      showList(UI.listing);
    }
    if ("BarcodeDetector" in self && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      $("camera").hidden = false;
      $("camera").addEventListener("click", () => camera().catch((e) => {
        $("file-status").textContent = `カメラを使えません / Camera unavailable: ${e.message}`;
      }));
    }
    $("verify").addEventListener("click", check);
    $("code").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); check(); }
    });
    $("list-file").addEventListener("change", (event) => {
      if (event.target.files.length) loadFile(event.target.files[0]);
    });
    document.body.dataset.ready = "true";
  }

  start();
})();
