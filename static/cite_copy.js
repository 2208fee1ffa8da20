
const button = document.getElementById("copy");
const text = document.getElementById("text").value;
function fallback() {
  const area = document.getElementById("text");
  area.hidden = false; area.select();
  const ok = document.execCommand("copy"); area.hidden = true; return ok;
}
button.addEventListener("click", async () => {
  let ok = false;
  try { await navigator.clipboard.writeText(text); ok = true; } catch (e) { ok = fallback(); }
  button.textContent = ok ? button.dataset.done : button.dataset.failed;
});
