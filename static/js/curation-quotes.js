// "Insert as pull quote" in the article editor's "Original story" side panel: adds a pull quote
// block, filled in, at the end of the body. The body's StreamField keeps its block tree on the
// element Wagtail renders it into ("<field id>-root").
(() => {
  const bodyStream = () => document.getElementById("body-root")?.rootBlock;

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-curation-insert-quote]");
    if (!button) return;
    const stream = bodyStream();
    if (!stream) return;
    const { quote, attribution } = button.dataset;
    const index = stream.children.length;
    stream.insert(
      { type: "pull_quote", value: { quote, attribution }, id: null },
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
