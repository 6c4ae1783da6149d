// "Insert as pull quote" in the article editor's "Original story" side panel: adds a pull quote
// block, filled in, at the end of the body. The body's StreamField keeps its block tree on the
// element Wagtail renders it into ("<field id>-root").
(() => {
  const bodyStream = () => document.getElementById("body-root")?.rootBlock;
  // Every block needs an id, as the block picker gives one.
  const newBlockId = () =>
    crypto.randomUUID?.() ??
    "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (digit) =>
      (digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (digit / 4)))).toString(16),
    );

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-curation-insert-quote]");
    if (!button) return;
    const stream = bodyStream();
    if (!stream) return;
    const { quote, attribution } = button.dataset;
    const index = stream.children.length;
    stream.insert(
      { type: "pull_quote", value: { quote, attribution }, id: newBlockId() },
      index,
      { animate: true, collapsed: false },
    );
    // Tell the form it changed, so autosave and "unsaved changes" notice.
    const field = stream.children[index]?.element?.querySelector("textarea, input");
    (field || document.getElementById("page-edit-form"))?.dispatchEvent(
      new Event("change", { bubbles: true }),
    );
    button.textContent = "Inserted";
    button.disabled = true;
  });
})();
