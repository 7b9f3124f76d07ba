// /sheet/: choose stretches, order them, name the routine, print it.
// The data comes from the site's own API: /api/index.json (every stretch's id, name, position
// and level, to choose from) and /api/stretches/<id>.json for each chosen one, so the page
// stays light however large the library. Every text from it, and from the address (?s=,
// ?name=, ?by=), is inserted with textContent: it shows exactly as typed and is never run
// as HTML.
(function () {
  "use strict";

  var root = document.querySelector("[data-sheet]");
  if (!root) {
    return;
  }
  var DAYS = 7;
  var max = Number(root.dataset.max) || 6;
  var positions = JSON.parse(root.dataset.positions || "[]");
  // The page's words (its language's catalog): interface strings by key, and the stretch
  // files' vocabulary (positions, levels) in the page's language.
  var words = JSON.parse(root.dataset.words || "{}");
  function say(key, values) {
    var text = (words.strings || {})[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }
  function word(text) {
    return (words.words || {})[text] || text;
  }
  var part = function (name) {
    return root.querySelector("[data-" + name + "]");
  };
  var form = part("form");
  var nameInput = form.querySelector("#sheet-name");
  var byInput = form.querySelector("#sheet-by");
  var printButton = part("print");
  var stretchesById = new Map(); // id -> its entry in /api/index.json
  var details = new Map(); // id -> its /api/stretches/<id>.json, once loaded
  var loading = new Map(); // id -> the request for it, while it loads
  var chosen = []; // ids, in the order they will be printed

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function capitalize(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : "";
  }

  function doseInWords(stretch) {
    return stretch.dose_in_words || (stretch.dose && stretch.dose.dose_in_words) || "";
  }

  // The most times a day the dose asks for (1 to 3): that many boxes to tick each day.
  function timesADay(stretch) {
    var times = String((stretch.dose && stretch.dose.times_a_day) || 1).split("-");
    var most = parseInt(times[times.length - 1], 10) || 1;
    return Math.min(Math.max(most, 1), 3);
  }

  // ---- The address holds the routine: ?s=id,id&name=...&by=... ----

  function readAddress() {
    var params = new URLSearchParams(location.search);
    var asked = (params.get("s") || "").split(",").map(function (id) {
      return id.trim();
    }).filter(Boolean);
    var unknown = [];
    var over = 0;
    asked.forEach(function (id) {
      if (!stretchesById.has(id)) {
        unknown.push(id);
      } else if (chosen.indexOf(id) === -1) {
        if (chosen.length < max) {
          chosen.push(id);
        } else {
          over += 1;
        }
      }
    });
    nameInput.value = (params.get("name") || "").slice(0, 80);
    byInput.value = (params.get("by") || "").slice(0, 80);
    var notes = [];
    if (unknown.length) {
      notes.push(say("sheet_unknown", { ids: unknown.join(", ") }));
    }
    if (over) {
      notes.push(say("sheet_too_many", { max: max }));
    }
    var notice = part("notice");
    notice.textContent = notes.join(" ");
    notice.hidden = notes.length === 0;
  }

  function writeAddress() {
    // Ids are letters, digits and hyphens: the commas stay readable, as in ?s=cat-cow,sphinx.
    var query = [];
    if (chosen.length) {
      query.push("s=" + chosen.join(","));
    }
    if (nameInput.value.trim()) {
      query.push("name=" + encodeURIComponent(nameInput.value.trim()));
    }
    if (byInput.value.trim()) {
      query.push("by=" + encodeURIComponent(byInput.value.trim()));
    }
    if (document.documentElement.getAttribute("data-print") === "large") {
      query.push("print=large"); // reading.js's large-print choice
    }
    var search = query.length ? "?" + query.join("&") : "";
    if (search !== location.search) {
      history.replaceState(null, "", location.pathname + search + location.hash);
    }
  }

  // ---- Step 1: checkboxes grouped by position ----

  function buildChoices(stretches) {
    var groups = new Map();
    positions.forEach(function (position) {
      groups.set(position, []);
    });
    stretches.forEach(function (stretch) {
      if (!groups.has(stretch.position)) {
        groups.set(stretch.position, []);
      }
      groups.get(stretch.position).push(stretch);
    });
    var holder = part("groups");
    groups.forEach(function (members, position) {
      if (!members.length) {
        return;
      }
      members.sort(function (a, b) {
        return a.name.localeCompare(b.name);
      });
      var group = element("fieldset", "sheet-group");
      group.appendChild(element("legend", "", capitalize(word(position))));
      members.forEach(function (stretch) {
        var label = element("label", "sheet-choice");
        var box = element("input");
        box.type = "checkbox";
        box.value = stretch.id;
        box.addEventListener("change", function () {
          toggle(stretch.id, box.checked);
        });
        label.appendChild(box);
        label.appendChild(element("span", "sheet-choice-name", stretch.name));
        label.appendChild(element("span", "sheet-choice-facts", capitalize(word(stretch.level))));
        group.appendChild(label);
      });
      holder.appendChild(group);
    });
  }

  function toggle(id, on) {
    var at = chosen.indexOf(id);
    if (on && at === -1 && chosen.length < max) {
      chosen.push(id);
    } else if (!on && at !== -1) {
      chosen.splice(at, 1);
    }
    update();
  }

  // ---- Step 2: the order, with buttons a keyboard can reach ----

  function move(id, by) {
    var from = chosen.indexOf(id);
    var to = from + by;
    if (from === -1 || to < 0 || to >= chosen.length) {
      return;
    }
    chosen.splice(from, 1);
    chosen.splice(to, 0, id);
    update();
    // Keep the focus on the stretch that moved, so it can be moved again.
    var again = part("order").querySelector(
      '[data-id="' + id + '"] [data-move="' + (by < 0 ? "up" : "down") + '"]');
    if (again && !again.disabled) {
      again.focus();
    } else {
      var item = part("order").querySelector('[data-id="' + id + '"] button:not(:disabled)');
      if (item) {
        item.focus();
      }
    }
  }

  function button(text, label, onClick) {
    var node = element("button", "sheet-button", text);
    node.type = "button";
    node.setAttribute("aria-label", label);
    node.addEventListener("click", onClick);
    return node;
  }

  function renderOrder() {
    var list = part("order");
    list.textContent = "";
    chosen.forEach(function (id, index) {
      var stretch = stretchesById.get(id);
      var item = element("li", "sheet-order-item");
      item.dataset.id = id;
      item.appendChild(element("span", "sheet-order-name", stretch.name));
      var up = button(say("sheet_up"), say("sheet_move_up", { name: stretch.name }), function () {
        move(id, -1);
      });
      up.dataset.move = "up";
      up.disabled = index === 0;
      var down = button(say("sheet_down"), say("sheet_move_down", { name: stretch.name }), function () {
        move(id, 1);
      });
      down.dataset.move = "down";
      down.disabled = index === chosen.length - 1;
      var remove = button(say("sheet_remove"), say("sheet_remove_named", { name: stretch.name }), function () {
        toggle(id, false);
        var next = list.querySelector("button:not(:disabled)");
        (next || form.querySelector('input[value="' + id + '"]')).focus();
      });
      item.appendChild(up);
      item.appendChild(down);
      item.appendChild(remove);
      list.appendChild(item);
    });
    part("empty").hidden = chosen.length > 0;
  }

  function renderChoices() {
    var full = chosen.length >= max;
    form.querySelectorAll(".sheet-choice input").forEach(function (box) {
      box.checked = chosen.indexOf(box.value) !== -1;
      box.disabled = full && !box.checked;
    });
    part("limit").classList.toggle("sheet-limit--reached", full);
  }

  // ---- The sheet itself (shown as a preview, printed as the page) ----

  function stretchBlock(stretch, number) {
    var block = element("article", "sheet-stretch");
    block.appendChild(element("h3", "sheet-stretch-name", number + ". " + stretch.name));
    block.appendChild(element("p", "sheet-stretch-dose", doseInWords(stretch)));
    // The drawn stretch position: a file of the site's own, its alt text set as a property.
    var drawn = (stretch.figure_images || [])[1];
    if (drawn) {
      var picture = element("img", "sheet-stretch-figure");
      picture.src = "../figures/" + encodeURIComponent(stretch.id) + ".svg#stretch";
      picture.alt = drawn.alt;
      block.appendChild(picture);
    }
    var how = element("div", "sheet-stretch-how");
    var start = element("p", "sheet-stretch-start");
    start.appendChild(element("strong", "", say("sheet_start") + " "));
    start.appendChild(document.createTextNode(stretch.start));
    how.appendChild(start);
    var steps = element("ol", "sheet-stretch-steps");
    stretch.steps.forEach(function (step) {
      steps.appendChild(element("li", "", step));
    });
    how.appendChild(steps);
    block.appendChild(how);
    var stop = element("div", "sheet-stop-if");
    stop.appendChild(element("p", "sheet-stop-if-title", say("stop_if")));
    var reasons = element("ul");
    stretch.stop_if.forEach(function (reason) {
      reasons.appendChild(element("li", "", reason));
    });
    stop.appendChild(reasons);
    block.appendChild(stop);
    return block;
  }

  function weekRow(stretch, number) {
    var row = element("tr");
    var name = element("th", "", number + ". " + stretch.name);
    name.scope = "row";
    row.appendChild(name);
    for (var day = 0; day < DAYS; day += 1) {
      var cell = element("td");
      for (var time = 0; time < timesADay(stretch); time += 1) {
        cell.appendChild(element("span", "sheet-tick"));
      }
      row.appendChild(cell);
    }
    return row;
  }

  function renderPaper() {
    var title = nameInput.value.trim() || say("sheet_default_name");
    part("title").textContent = title;
    var by = part("by");
    by.textContent = byInput.value.trim() ? say("sheet_prepared_by_named", { name: byInput.value.trim() }) : "";
    by.hidden = !byInput.value.trim();
    var blocks = part("blocks");
    var week = part("week");
    blocks.textContent = "";
    week.textContent = "";
    var ready = chosen.every(function (id) {
      return details.has(id);
    });
    if (ready) {
      chosen.forEach(function (id, index) {
        blocks.appendChild(stretchBlock(details.get(id), index + 1));
        week.appendChild(weekRow(details.get(id), index + 1));
      });
    }
    part("address").textContent = location.href;
    part("paper").hidden = chosen.length === 0;
    part("paper").setAttribute("aria-busy", String(!ready));
    // Nothing half-drawn is printed: the button waits for every chosen stretch.
    printButton.disabled = chosen.length === 0 || !ready;
    document.title = title + " - " + root.dataset.siteName;
  }

  // The chosen stretches' full data, each file asked for once.
  function load(ids) {
    return Promise.all(ids.map(function (id) {
      if (details.has(id)) {
        return null;
      }
      if (!loading.has(id)) {
        loading.set(id, getJson(root.dataset.stretches + encodeURIComponent(id) + ".json")
          .then(function (stretch) {
            details.set(id, stretch);
          })
          .finally(function () {
            loading.delete(id);
          }));
      }
      return loading.get(id);
    }));
  }

  function getJson(address) {
    return fetch(address).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    });
  }

  function showLoadError(what) {
    var status = part("status");
    status.textContent = say("sheet_load_error", { what: what });
    status.hidden = false;
  }

  function update() {
    renderChoices();
    renderOrder();
    writeAddress();
    renderPaper();
    load(chosen).then(renderPaper, function () {
      showLoadError(say("sheet_the_stretches"));
    });
  }

  function start(data) {
    var stretches = (data && Array.isArray(data.stretches)) ? data.stretches : [];
    stretches.forEach(function (stretch) {
      stretchesById.set(stretch.id, stretch);
    });
    buildChoices(stretches);
    readAddress();
    part("status").hidden = true;
    form.hidden = false;
    update();
  }

  root.dataset.siteName = document.title.split(" - ").pop();
  nameInput.addEventListener("input", update);
  byInput.addEventListener("input", update);
  printButton.addEventListener("click", function () {
    window.print();
  });
  getJson(root.dataset.api)
    .then(start)
    .catch(function () {
      showLoadError(say("sheet_the_list"));
    });
})();
