// Progressive enhancement only: every page works without this file.
(() => {
  "use strict";

  // Copy buttons: shown only where the clipboard can be used.
  if (navigator.clipboard) {
    for (const button of document.querySelectorAll("button[data-copy]")) {
      button.hidden = false;
      button.addEventListener("click", async () => {
        const source = document.getElementById(button.dataset.copy);
        if (!source) return;
        try {
          await navigator.clipboard.writeText(source.textContent);
          button.textContent = "Copied";
        } catch {
          button.textContent = "Select and copy";
        }
        setTimeout(() => { button.textContent = "Copy"; }, 2000);
      });
    }
  }

  // The catalog: results follow the search box as it is typed in, and filters apply when changed.
  const form = document.getElementById("catalog-form");
  const results = document.getElementById("results");
  if (!form || !results || !window.fetch || !window.DOMParser) return;

  for (const apply of form.querySelectorAll("[data-apply]")) apply.hidden = true;
  // Empty fields stay out of the address, so that it reads like the links the pages write.
  form.addEventListener("submit", () => {
    for (const field of form.elements) {
      if (field.name && field.value === "") field.disabled = true;
    }
  });
  window.addEventListener("pageshow", () => {
    for (const field of form.elements) field.disabled = false;
  });
  for (const select of form.querySelectorAll("select")) {
    select.addEventListener("change", () => form.requestSubmit());
  }

  let timer = 0;
  let latest = 0;
  const input = form.querySelector("input[name=q]");
  input?.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 200);
  });

  async function refresh() {
    const ticket = ++latest;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value !== "") params.append(key, value);
    }
    const url = params.size > 0 ? `/?${params}` : "/";
    try {
      const response = await fetch(url, { headers: { Accept: "text/html" } });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("results");
      if (ticket !== latest || !fresh) return;
      results.replaceChildren(...fresh.childNodes);
      document.title = page.title;
      history.replaceState(null, "", url);
    } catch {
      // The form still submits as a plain GET.
    }
  }
})();
