// /sheet/: choose stretches, order them, name the routine, print it.
// The data comes from the site's own API: /api/index.json (every stretch's id, name, position
// and level, to choose from) and /api/stretches/<id>.json for each chosen one, so the page
// stays light however large the library. Every text from it, and from the address (?s=,
// ?name=, ?by=), is inserted with textContent: it shows exactly as typed and is never run
// as HTML.
//
// A therapist's changes travel in the address too, one parameter each, readable and stable:
// ?s=knee-to-chest&knee-to-chest.hold=10&knee-to-chest.reps=5&knee-to-chest.times=2
// &knee-to-chest.note=Left%20side%20only. The limits come from the stretch schema (the page's
// data-limits); anything outside them, malformed or for a stretch not chosen is ignored and
// named in the notice.
(function () {
  "use strict";

  // ---- Interface text for doses, notes, the QR code and sending, in the page's language:
  // words/interface.js (from the catalog's sheet_tool_ strings) sets it first; {name}
  // marks a value put in. ----
  var TEXT = (window.stretchesWords || {}).sheet || {};

  var root = document.querySelector("[data-sheet]");
  if (!root) {
    return;
  }
  var DAYS = 7;
  var FIELDS = ["hold", "reps", "times"]; // the dose a therapist may change, as in the address
  var max = Number(root.dataset.max) || 6;
  var positions = JSON.parse(root.dataset.positions || "[]");
  // The page's words (its language's catalog): interface strings by key, and the stretch
  // files' vocabulary (positions, levels) in the page's language.
  var words = JSON.parse(root.dataset.words || "{}");
  // A catalog string by its key, or a text of TEXT (not a key: used as it is), with its
  // {placeholders} filled in.
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
  var limits = JSON.parse(root.dataset.limits || "{}");
  var noteMax = Number(root.dataset.noteMax) || 120;
  var overrides = new Map(); // id -> {hold, reps, times: numbers; note: text}, only what is set
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
    var set = overrides.get(stretch.id) || {};
    var times = String(set.times || (stretch.dose && stretch.dose.times_a_day) || 1).split("-");
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
    notes = notes.concat(readOverrides(params));
    var notice = part("notice");
    notice.textContent = notes.join(" ");
    notice.hidden = notes.length === 0;
  }

  // A dose is a whole number within the schema's limits, written as digits only.
  function wholeNumber(text) {
    var value = String(text).trim();
    if (!/^[0-9]{1,6}$/.test(value)) {
      return null;
    }
    var number = Number(value);
    return number >= limits.min && number <= limits.max ? number : null;
  }

  // Text cut to at most `most` UTF-16 units without splitting an emoji in two.
  function cut(text, most) {
    if (text.length <= most) {
      return text;
    }
    var kept = text.slice(0, most);
    return /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept;
  }

  // `<id>.hold`, `<id>.reps`, `<id>.times`, `<id>.note`: kept when valid, else named in the
  // notice (shortened: a hostile link could be long). Returns the notice's sentences.
  function readOverrides(params) {
    var ignored = [];
    var cutNotes = [];
    params.forEach(function (value, key) {
      // The routine's own parameters; print=large is the large-print choice (reading.js).
      if (key === "s" || key === "name" || key === "by" || key === "print") {
        return;
      }
      var part = cut(key + "=" + value, 60) + (key.length + value.length + 1 > 60 ? "…" : "");
      var match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(hold|reps|times|note)$/.exec(key);
      if (!match) {
        ignored.push(say(TEXT.ignoredUnknown, { part: part }));
        return;
      }
      var id = match[1];
      var field = match[2];
      if (chosen.indexOf(id) === -1) {
        ignored.push(say(TEXT.ignoredNotChosen, { part: part }));
        return;
      }
      var set = overrides.get(id) || {};
      if (field === "note") {
        if (value.trim()) {
          set.note = cut(value, noteMax);
          if (set.note !== value) {
            cutNotes.push(say(TEXT.noteCut, { name: stretchesById.get(id).name, max: noteMax }));
          }
        }
      } else {
        var number = wholeNumber(value);
        if (number === null) {
          ignored.push(say(TEXT.ignoredValue, { part: part, min: limits.min, max: limits.max }));
          return;
        }
        set[field] = number;
      }
      overrides.set(id, set);
    });
    var notes = cutNotes;
    if (ignored.length) {
      notes.unshift(TEXT.ignoredIntro + ignored.join("; ") + ".");
    }
    return notes;
  }

  // The address of the routine as it stands: on the site's own address when site_url is set,
  // else the one the browser shows.
  function routineAddress() {
    var base = root.dataset.sheetUrl;
    return base ? base + location.search : location.href;
  }

  function writeAddress() {
    // Ids are letters, digits and hyphens: the commas stay readable, as in ?s=cat-cow,sphinx.
    var query = [];
    if (chosen.length) {
      query.push("s=" + chosen.join(","));
    }
    chosen.forEach(function (id) {
      var set = overrides.get(id) || {};
      FIELDS.forEach(function (field) {
        if (set[field]) {
          query.push(id + "." + field + "=" + set[field]);
        }
      });
      if (set.note) {
        query.push(id + ".note=" + encodeURIComponent(set.note));
      }
    });
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

  // ---- Step 1: checkboxes grouped by position, each with its stretch's small figure ----

  // The stretch position's figure: data-figure is its address with {id} for the stretch's.
  function figureOf(id) {
    return root.dataset.figure.split("{id}").join(encodeURIComponent(id));
  }

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
        var thumbnail = element("img", "sheet-choice-figure");
        thumbnail.alt = "";
        thumbnail.loading = "lazy";
        thumbnail.decoding = "async";
        thumbnail.src = figureOf(stretch.id);
        label.appendChild(thumbnail);
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
      overrides.delete(id);
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
      item.appendChild(doseEditor(stretch));
      list.appendChild(item);
    });
    part("empty").hidden = chosen.length > 0;
  }

  // The therapist's dose and note for one stretch. Typing changes the address and the sheet
  // but not this list, so the focus stays in the box being typed in.
  function doseEditor(stretch) {
    var id = stretch.id;
    var set = overrides.get(id) || {};
    var box = element("fieldset", "sheet-dose-editor");
    box.appendChild(element("legend", "", say(TEXT.dosePrompt, { name: stretch.name })));
    box.appendChild(element("p", "sheet-dose-hint", TEXT.doseHint));
    var row = element("div", "sheet-dose-fields");
    FIELDS.forEach(function (field) {
      var label = element("label", "sheet-dose-field");
      label.appendChild(element("span", "", TEXT[field + "Label"]));
      var input = element("input");
      input.type = "number";
      input.inputMode = "numeric";
      input.min = limits.min;
      input.max = limits.max;
      input.step = 1;
      input.dataset.dose = field;
      input.value = set[field] ? String(set[field]) : "";
      var problem = element("span", "sheet-dose-problem", say(TEXT.wholeNumber, limits));
      problem.id = "sheet-" + id + "-" + field + "-problem";
      problem.hidden = true;
      input.addEventListener("input", function () {
        var number = wholeNumber(input.value);
        var wrong = input.value.trim() !== "" && number === null;
        input.setAttribute("aria-invalid", String(wrong));
        if (wrong) {
          input.setAttribute("aria-describedby", problem.id);
        } else {
          input.removeAttribute("aria-describedby");
        }
        problem.hidden = !wrong;
        change(id, field, number);
      });
      label.appendChild(input);
      label.appendChild(problem);
      row.appendChild(label);
    });
    box.appendChild(row);
    var noteLabel = element("label", "sheet-dose-note");
    noteLabel.appendChild(element("span", "", TEXT.noteLabel));
    var note = element("input");
    note.type = "text";
    note.maxLength = noteMax;
    note.dir = "auto";
    note.autocomplete = "off";
    note.placeholder = TEXT.notePlaceholder;
    note.value = set.note || "";
    var left = element("span", "sheet-dose-left");
    left.id = "sheet-" + id + "-note-left";
    note.setAttribute("aria-describedby", left.id);
    var count = function () {
      left.textContent = say(TEXT.noteLimit, { max: noteMax }) + " " +
        say(TEXT.noteLeft, { left: noteMax - note.value.length });
    };
    count();
    note.addEventListener("input", function () {
      count();
      change(id, "note", note.value.trim() ? cut(note.value, noteMax) : null);
    });
    noteLabel.appendChild(note);
    noteLabel.appendChild(left);
    box.appendChild(noteLabel);
    return box;
  }

  function change(id, field, value) {
    var set = overrides.get(id) || {};
    if (value === null) {
      delete set[field];
    } else {
      set[field] = value;
    }
    overrides.set(id, set);
    writeAddress();
    renderPaper();
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

  // "20-30" -> "20 to 30", 5 -> "5", in the words of words.py's dose_in_words.
  function count(value) {
    var parts = String(value).split("-");
    return parts.length === 2 && parts[0] !== parts[1] ?
      say(TEXT.range, { low: parts[0], high: parts[1] }) : parts[0];
  }

  function timesInWords(value) {
    var text = String(value);
    if (text === "1") {
      return TEXT.once;
    }
    return text === "2" ? TEXT.twice : say(TEXT.times, { n: count(text) });
  }

  // The dose with the therapist's values in place of the site's: "Hold 10 seconds · 5 times
  // each side · twice a day".
  function setDoseInWords(dose, set) {
    var parts = [];
    var hold = set.hold || dose.hold_seconds;
    if (hold) {
      parts.push(String(hold) === "1" ? TEXT.holdOne : say(TEXT.hold, { n: count(hold) }));
    }
    parts.push(timesInWords(set.reps || dose.repetitions) + (dose.each_side ? TEXT.eachSide : ""));
    parts.push(say(TEXT.aDay, { n: timesInWords(set.times || dose.times_a_day) }));
    parts[0] = capitalize(parts[0]);
    return parts.join(TEXT.join);
  }

  // The dose line: the site's, or the therapist's, marked, with the site's below it, smaller.
  // Then the therapist's note, as typed (dir=auto: a right-to-left note reads right).
  function doseBlock(stretch) {
    var set = overrides.get(stretch.id) || {};
    var changed = FIELDS.some(function (field) {
      return set[field];
    });
    var dose = element("div", "sheet-stretch-dose");
    if (changed) {
      dose.classList.add("sheet-stretch-dose--set");
      var line = element("p", "sheet-dose-set");
      var by = byInput.value.trim();
      line.appendChild(element("span", "sheet-set-mark",
        by ? say(TEXT.setForBy, { by: by }) : TEXT.setFor));
      line.appendChild(document.createTextNode(" " + setDoseInWords(stretch.dose || {}, set)));
      dose.appendChild(line);
      dose.appendChild(element("p", "sheet-dose-usual",
        say(TEXT.usual, { dose: doseInWords(stretch) })));
    } else {
      dose.appendChild(element("p", "sheet-dose-site", doseInWords(stretch)));
    }
    if (set.note) {
      var note = element("p", "sheet-note");
      note.appendChild(element("strong", "", TEXT.note));
      var text = element("bdi", "sheet-note-text", set.note);
      text.dir = "auto";
      note.appendChild(text);
      dose.appendChild(note);
    }
    return dose;
  }

  function stretchBlock(stretch, number) {
    var block = element("article", "sheet-stretch");
    block.appendChild(element("h3", "sheet-stretch-name", number + ". " + stretch.name));
    block.appendChild(doseBlock(stretch));
    // The drawn stretch position: a file of the site's own, its alt text set as a property.
    var drawn = (stretch.figure_images || [])[1];
    if (drawn) {
      var picture = element("img", "sheet-stretch-figure");
      picture.src = figureOf(stretch.id);
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
    var address = routineAddress();
    part("address").textContent = address;
    part("paper").hidden = chosen.length === 0;
    part("paper").setAttribute("aria-busy", String(!ready));
    showUsualDoses();
    renderSend(title, address);
    var drawn = chosen.length ? drawQr(address) : true;
    // Nothing half-drawn is printed: the button waits for every chosen stretch and the QR code.
    printButton.disabled = chosen.length === 0 || !ready || !drawn;
    document.title = title + " - " + root.dataset.siteName;
  }

  // The boxes of the dose editor show the site's dose until the therapist types their own.
  function showUsualDoses() {
    part("order").querySelectorAll("[data-id]").forEach(function (item) {
      var stretch = details.get(item.dataset.id);
      if (!stretch || !stretch.dose) {
        return;
      }
      var usual = { hold: stretch.dose.hold_seconds, reps: stretch.dose.repetitions,
        times: stretch.dose.times_a_day };
      item.querySelectorAll("[data-dose]").forEach(function (input) {
        input.placeholder = usual[input.dataset.dose] ? String(usual[input.dataset.dose]) : "";
      });
    });
  }

  // ---- The QR code: lean-qr, served from this site, loaded when a routine is first shown ----

  var qr = { library: null, drawn: "", wanted: "" };

  function qrLibrary() {
    if (!qr.library) {
      qr.library = Promise.all([
        import(new URL(root.dataset.qr, document.baseURI).href),
        import(new URL(root.dataset.qrSvg, document.baseURI).href),
      ]);
    }
    return qr.library;
  }

  // Draws the code of `address` (at once when the library is loaded). Returns whether the
  // code on the sheet is this address's, or a message saying why there is none.
  function drawQr(address) {
    if (qr.drawn === address) {
      return true;
    }
    qr.wanted = address;
    qrLibrary().then(function (modules) {
      if (qr.wanted === address) {
        showQr(modules[0], modules[1], address);
      }
    }, function () {
      showQrMessage(TEXT.qrFailed, address);
    });
    return false;
  }

  function showQr(lean, svgExtra, address) {
    var code = null;
    try {
      code = lean.generate(address, { minCorrectionLevel: lean.correction.M });
    } catch (error) {
      showQrMessage(TEXT.qrTooLong, address);
      return;
    }
    var picture = svgExtra.toSvg(code, document, { on: "#000", off: "#fff", pad: 4 });
    picture.setAttribute("role", "img");
    picture.setAttribute("aria-label", TEXT.qrLabel);
    picture.setAttribute("class", "sheet-qr-code");
    // Half a millimetre a module at least, so a phone reads it from paper; 25 to 60 mm.
    var side = Math.min(60, Math.max(25, (code.size + 8) * 0.5));
    picture.setAttribute("width", side + "mm");
    picture.setAttribute("height", side + "mm");
    var box = part("qr-box");
    box.textContent = "";
    box.appendChild(picture);
    var caption = element("p", "sheet-qr-caption", TEXT.qrCaption);
    caption.setAttribute("aria-hidden", "true"); // the picture's name says it already
    box.appendChild(caption);
    qr.drawn = address;
    renderPaper();
  }

  function showQrMessage(text, address) {
    var box = part("qr-box");
    box.textContent = "";
    box.appendChild(element("p", "sheet-qr-message", text));
    qr.drawn = address;
    renderPaper();
  }

  // ---- Sending the routine: copy, email, text message, the device's share sheet ----

  var send = {};

  function buildSend() {
    var holder = part("send");
    send.copy = button(TEXT.copy, TEXT.copy, function () {
      var address = routineAddress();
      var done = function (text) {
        send.status.textContent = text;
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(address).then(function () {
          done(TEXT.copied);
        }, function () {
          done(TEXT.copyFailed);
        });
      } else {
        done(TEXT.copyFailed);
      }
    });
    send.email = element("a", "md-button sheet-send-link", TEXT.email);
    send.sms = element("a", "md-button sheet-send-link", TEXT.sms);
    send.share = button(TEXT.share, TEXT.share, function () {
      navigator.share({ title: send.title, text: send.title, url: routineAddress() })
        .catch(function () {}); // closed without sharing: nothing to say
    });
    send.share.hidden = typeof navigator.share !== "function";
    send.status = element("span", "sheet-send-status");
    send.status.setAttribute("role", "status");
    send.copy.className = send.share.className = "md-button";
    [send.copy, send.email, send.sms, send.share, send.status].forEach(function (node) {
      holder.appendChild(node);
    });
    var reminder = element("span", "sheet-reminder");
    var at = element("label", "sheet-reminder-time");
    at.appendChild(document.createTextNode(TEXT.reminderAt + " "));
    send.time = element("input");
    send.time.type = "time";
    send.time.value = "08:00";
    send.time.required = true;
    at.appendChild(send.time);
    reminder.appendChild(at);
    var add = button(TEXT.reminder, TEXT.reminder, downloadReminder);
    add.className = "md-button";
    reminder.appendChild(add);
    holder.appendChild(reminder);
  }

  // ---- A calendar file (RFC 5545), made here: a daily event at the time picked, in the
  // patient's own time zone (a "floating" time), with the routine's address. ----

  function icsText(text) {
    return String(text).replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
  }

  // Lines of at most 75 bytes of UTF-8, continued with a space, never splitting a character.
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    Array.from(line).forEach(function (character) {
      if (encoder.encode(current + character).length > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
      }
      current += character;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  function stamp(date, utc) {
    var two = function (n) {
      return String(n).padStart(2, "0");
    };
    var get = function (name) {
      return date[(utc ? "getUTC" : "get") + name]();
    };
    return String(get("FullYear")) + two(get("Month") + 1) + two(get("Date")) + "T" +
      two(get("Hours")) + two(get("Minutes")) + two(get("Seconds")) + (utc ? "Z" : "");
  }

  function reminderFile(title, address, time) {
    var now = new Date();
    var parts = time.split(":");
    var first = new Date(now.getFullYear(), now.getMonth(), now.getDate(),
      Number(parts[0]) || 0, Number(parts[1]) || 0, 0);
    if (first <= now) {
      first.setDate(first.getDate() + 1); // from tomorrow when today's time has gone
    }
    var uid = (window.crypto && crypto.randomUUID ? crypto.randomUUID() :
      String(now.getTime()) + String(Math.random()).slice(2)) + "@routine-sheet";
    var text = say(TEXT.reminderText, { address: address });
    return [
      "BEGIN:VCALENDAR", "VERSION:2.0",
      "PRODID:-//" + icsText(root.dataset.siteName) + "//Routine sheet//EN",
      "CALSCALE:GREGORIAN", "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp(now, true),
      "DTSTART:" + stamp(first, false), "DURATION:PT15M", "RRULE:FREQ=DAILY",
      "SUMMARY:" + icsText(title), "DESCRIPTION:" + icsText(text), "URL:" + address,
      "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(title), "TRIGGER:PT0M",
      "END:VALARM", "END:VEVENT", "END:VCALENDAR",
    ].map(fold).join("\r\n") + "\r\n";
  }

  function downloadReminder() {
    var made = reminderFile(send.title, routineAddress(), send.time.value || "08:00");
    var link = element("a");
    link.href = URL.createObjectURL(new Blob([made], { type: "text/calendar" }));
    link.download = TEXT.reminderFile;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  function renderSend(title, address) {
    send.title = title;
    var message = say(TEXT.message, { title: title, address: address });
    send.email.href = "mailto:?subject=" + encodeURIComponent(title) + "&body=" +
      encodeURIComponent(message);
    // "sms:?&body=": the form both Android and iOS read.
    send.sms.href = "sms:?&body=" + encodeURIComponent(message);
    part("send").hidden = chosen.length === 0;
    if (send.address !== address) {
      send.address = address;
      send.status.textContent = ""; // "Link copied" was about the address before
    }
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
    buildSend();
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
