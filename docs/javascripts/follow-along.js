// "Follow along" on a stretch page: the starting position and each step, one at a time in
// large type, with Back and Next; for a held stretch a countdown of its hold (pausable), and
// the count of repetitions and sides done. Where the browser can speak, "Read aloud" reads
// each step in the page's language with a voice on the device. A modal <dialog>: the focus
// moves into it and back to the button, and Escape closes it. No request to anywhere.
// Its interface text is reading.js's STRINGS.follow.
(function () {
  "use strict";

  var slot = document.querySelector("[data-follow]");
  var reading = window.stretchesReading;
  if (!slot || !reading || typeof HTMLDialogElement !== "function") {
    return;
  }
  var T = reading.strings.follow;
  var fill = reading.fill;
  var number = function (name) {
    return parseInt(slot.getAttribute("data-" + name), 10) || 0;
  };
  var hold = { low: number("hold-low"), high: number("hold-high") };
  var reps = { low: number("reps-low") || 1, high: number("reps-high") || 1 };
  var sides = slot.getAttribute("data-each-side") === "true" ? 2 : 1;
  var canSpeak = "speechSynthesis" in window && typeof SpeechSynthesisUtterance === "function";

  var name = (document.querySelector("h1.stretch-name") || {}).textContent || "";
  var start = document.querySelector(".stretch-start");
  var steps = [];
  if (start) {
    steps.push({ label: T.start, text: start.textContent });
  }
  document.querySelectorAll(".stretch-steps > li").forEach(function (item) {
    steps.push({ label: "", text: item.textContent });
  });

  var state = { step: 0, side: 1, done: 0, left: hold.low, running: false, timer: 0, speak: false };
  var ui = null;
  var opener = null;

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

  function button(text, attribute) {
    var node = element("button", "", text);
    node.type = "button";
    node.setAttribute(attribute, "");
    return node;
  }

  // ---- Speech: only where the browser has it; a voice on the device first ----

  function voice() {
    var lang = (document.documentElement.lang || "en").toLowerCase();
    var voices = window.speechSynthesis.getVoices().filter(function (each) {
      return each.lang && each.lang.toLowerCase().split("-")[0] === lang.split("-")[0];
    });
    var local = voices.filter(function (each) {
      return each.localService;
    });
    return local[0] || null; // none on the device: the browser's own default voice
  }

  function say(text) {
    if (!canSpeak || !state.speak) {
      return;
    }
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    var chosen = voice();
    if (chosen) {
      utterance.voice = chosen;
    }
    window.speechSynthesis.speak(utterance);
  }

  // ---- The hold's countdown and the count of repetitions and sides ----

  function countText() {
    var aim = reps.low === reps.high ? String(reps.high) : reps.low + "\u2013" + reps.high;
    var values = { done: state.done, aim: aim, side: state.side };
    return fill(sides === 2 ? T.doneSide : T.done, values);
  }

  function stopTimer() {
    window.clearInterval(state.timer);
    state.timer = 0;
    state.running = false;
  }

  function countOne() {
    state.done += 1;
    var message = "";
    if (state.done >= reps.high) {
      if (state.side < sides) {
        state.side += 1;
        state.done = 0;
        message = T.otherSide;
      } else {
        message = T.allDone;
      }
    }
    ui.count.textContent = countText();
    ui.note.textContent = message;
    if (message) {
      say(message);
    }
  }

  function showTimer() {
    var text = fill(state.running || state.left === hold.low ? T.secondsLeft : T.paused, {
      seconds: state.left,
    });
    ui.timer.textContent = state.left === 0 ? T.relax : text;
    ui.startHold.textContent = state.running ? T.pause : state.left < hold.low ? T.resume : T.startHold;
  }

  function tick() {
    state.left -= 1;
    if (state.left <= 0) {
      stopTimer();
      state.left = 0;
      showTimer();
      say(T.relax);
      countOne();
      state.left = hold.low; // ready for the next one; the button says so
      ui.startHold.textContent = T.startHold;
      return;
    }
    showTimer();
  }

  function toggleHold() {
    if (state.running) {
      stopTimer();
    } else {
      if (state.left <= 0) {
        state.left = hold.low;
      }
      state.running = true;
      state.timer = window.setInterval(tick, 1000);
      ui.note.textContent = "";
      if (state.left === hold.low) {
        say(fill(T.holdFor, { seconds: hold.low }));
      }
    }
    showTimer();
  }

  // ---- The dialog ----

  function showStep() {
    var step = steps[state.step];
    ui.progress.textContent = fill(T.stepOf, { n: state.step + 1, of: steps.length });
    ui.step.textContent = (step.label ? step.label + ": " : "") + step.text;
    ui.back.disabled = state.step === 0;
    ui.next.textContent = state.step === steps.length - 1 ? T.again : T.next;
    say(ui.step.textContent);
  }

  function move(by) {
    state.step = by === 0 ? 0 : Math.min(Math.max(state.step + by, 0), steps.length - 1);
    showStep();
  }

  function build() {
    var dialog = element("dialog", "follow-dialog");
    dialog.id = "follow-dialog";
    dialog.setAttribute("aria-labelledby", "follow-title");
    var head = element("div", "follow-head");
    var title = element("h2", "", fill(T.title, { name: name }));
    title.id = "follow-title";
    var close = button(T.close, "data-close");
    head.append(title, close);
    var progress = element("p", "follow-progress");
    var step = element("p", "follow-step");
    step.setAttribute("aria-live", "polite");
    var moves = element("div", "follow-actions");
    var back = button(T.back, "data-back");
    var next = button(T.next, "data-next");
    moves.append(back, next);
    var panel = element("div", "follow-hold");
    var count = element("p", "follow-count", "");
    var note = element("p", "follow-note");
    note.setAttribute("role", "status");
    var tools = element("div", "follow-actions");
    var timer = null;
    var startHold = null;
    if (hold.low) {
      var aim = hold.low === hold.high ? T.holdFor : T.holdUpTo;
      panel.append(element("p", "", fill(aim, { seconds: hold.low, most: hold.high })));
      timer = element("p", "follow-timer");
      timer.setAttribute("role", "timer");
      timer.setAttribute("aria-live", "polite");
      timer.setAttribute("aria-atomic", "true");
      panel.append(timer);
      startHold = button(T.startHold, "data-hold");
      startHold.addEventListener("click", toggleHold);
      tools.append(startHold);
    } else {
      var one = button(T.oneDone, "data-one");
      one.addEventListener("click", countOne);
      tools.append(one);
    }
    panel.append(count, note, tools);
    var speak = null;
    if (canSpeak) {
      speak = button(T.readAloud, "data-speak");
      speak.setAttribute("aria-pressed", "false");
      speak.addEventListener("click", function () {
        state.speak = !state.speak;
        speak.setAttribute("aria-pressed", String(state.speak));
        if (state.speak) {
          say(ui.step.textContent);
        } else {
          window.speechSynthesis.cancel();
        }
      });
      moves.append(speak);
    }
    dialog.append(head, progress, step, moves, panel);
    back.addEventListener("click", function () {
      move(-1);
    });
    next.addEventListener("click", function () {
      move(state.step === steps.length - 1 ? 0 : 1);
    });
    close.addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () {
      stopTimer();
      if (canSpeak) {
        window.speechSynthesis.cancel();
      }
      if (opener) {
        opener.focus();
      }
    });
    document.body.append(dialog);
    return {
      dialog: dialog, progress: progress, step: step, back: back, next: next,
      timer: timer, startHold: startHold, count: count, note: note,
    };
  }

  function open() {
    if (!ui) {
      ui = build();
    }
    state.step = 0;
    state.left = hold.low;
    ui.count.textContent = countText();
    ui.note.textContent = "";
    if (ui.timer) {
      showTimer();
    }
    ui.dialog.showModal();
    showStep();
    ui.next.focus();
  }

  if (!steps.length) {
    return;
  }
  opener = button(T.open, "data-follow-open");
  opener.className = "md-button md-button--primary";
  opener.setAttribute("aria-haspopup", "dialog");
  opener.addEventListener("click", open);
  slot.append(opener);
})();
