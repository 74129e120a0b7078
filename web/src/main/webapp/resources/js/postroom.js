/* Postroom's few scripts; every page works without them. */
(function () {
  /* The menu's groups are <details> elements: one open at a time, closed by a click elsewhere or by
     Escape. */
  function closeMenus(except) {
    document.querySelectorAll("details.pr-menu[open]").forEach(function (group) {
      if (group !== except) {
        group.removeAttribute("open");
      }
    });
  }
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.pr-menu") && event.target.open) {
      closeMenus(event.target);
    }
  }, true);
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("details.pr-menu")) {
      closeMenus(null);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeMenus(null);
    }
  });

  /* A text field with a longest length (data-pr-max) is never cut silently, as maxlength would cut
     pasted text: near the limit it counts, past it it says by how much, before anything is saved.
     The service refuses an overlong text as well. */
  function format(template, values) {
    return template.replace(/\{(\d+)\}/g, function (all, index) {
      return values[Number(index)];
    });
  }
  function count(field) {
    var max = Number(field.getAttribute("data-pr-max"));
    var length = field.value.length;
    var id = field.id + "_counter";
    var counter = document.getElementById(id);
    if (length <= max * 0.8) {
      if (counter) {
        counter.remove();
      }
      field.removeAttribute("aria-invalid");
      return;
    }
    if (!counter) {
      counter = document.createElement("small");
      counter.id = id;
      counter.setAttribute("aria-live", "polite");
      field.insertAdjacentElement("afterend", counter);
    }
    var body = document.body.dataset;
    if (length > max) {
      counter.className = "pr-counter pr-counter-over";
      counter.textContent = format(body.prOver, [length - max, max]);
      field.setAttribute("aria-invalid", "true");
    } else {
      counter.className = "pr-counter";
      counter.textContent = format(body.prCount, [length, max]);
      field.removeAttribute("aria-invalid");
    }
  }
  function countAll() {
    document.querySelectorAll("[data-pr-max]").forEach(count);
  }
  document.addEventListener("input", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-pr-max")) {
      count(event.target);
    }
  });
  document.addEventListener("DOMContentLoaded", countAll);
  /* an ajax update replaces fields, e.g. a refused form shown again with the overlong text */
  document.addEventListener("DOMContentLoaded", function () {
    if (window.jQuery) {
      window.jQuery(document).on("pfAjaxComplete", countAll);
    }
  });
})();
