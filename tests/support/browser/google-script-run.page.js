// Runs inside the sidebar page, before its own scripts (an init script; plain JS because it is
// injected as text). It installs `google.script.run` and `google.script.host` as Apps Script's
// client does, over two bindings the test process exposes:
//   __sheetsSfaRun(name, argsJson) → { ok: true, json } | { ok: false, message }
//   __sheetsSfaHost(action, argJson) records a host call.
// Config (the placeholder on the last line, replaced with JSON): { functions: string[] }, the bundle's
// top-level function declarations. Semantics follow developers.google.com/apps-script/guides/html/
// communication and …/reference/run:
// - one method per server function; a name ending in '_' is private and not offered, any other
//   name is simply not there (calling it is a TypeError, as in Apps Script);
// - calls are asynchronous and return undefined; at most 10 run at once, the rest wait;
// - arguments: primitives, null, and objects/arrays of them; a Date, function, DOM node or other
//   object fails the call at once ("Failed due to illegal value in property: …"), and so does a
//   cycle; undefined array items become null; the server gets a copy;
// - withSuccessHandler / withFailureHandler / withUserObject return a runner with that setting;
//   the success handler gets (value, userObject), the failure handler (Error, userObject); with no
//   failure handler a failure is logged to the console.
(function installGoogleScript(config) {
  'use strict';
  var MAX_CONCURRENT = 10;
  var running = 0;
  var waiting = [];

  function binding(name) {
    var fn = window[name];
    if (typeof fn !== 'function') throw new Error('sheets-sfa test bridge: binding ' + name + ' is missing');
    return fn;
  }

  function illegal(path) {
    return new Error('Failed due to illegal value in property: ' + path);
  }

  // Apps Script's own serialisation rules, checked before anything leaves the page.
  function cloneArgument(value, path, seen) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return isFinite(value) ? value : null;
    if (value === undefined) return null;
    if (typeof value !== 'object') throw illegal(path);
    var proto = Object.getPrototypeOf(value);
    var isArray = Array.isArray(value);
    if (!isArray && proto !== Object.prototype && proto !== null) throw illegal(path);
    if (seen.indexOf(value) !== -1) throw illegal(path);
    seen.push(value);
    var out;
    if (isArray) {
      out = [];
      for (var i = 0; i < value.length; i++) out.push(cloneArgument(value[i], String(i), seen));
    } else {
      out = {};
      var keys = Object.keys(value);
      for (var k = 0; k < keys.length; k++) {
        var item = value[keys[k]];
        if (item === undefined) continue;
        out[keys[k]] = cloneArgument(item, keys[k], seen);
      }
    }
    seen.pop();
    return out;
  }

  function pump() {
    while (running < MAX_CONCURRENT && waiting.length > 0) {
      var job = waiting.shift();
      running++;
      job();
    }
  }

  function dispatch(settings, name, argsJson) {
    waiting.push(function () {
      var settle = function (outcome) {
        running--;
        // Handlers run as their own task, as google.script.run's do: an exception in one is an
        // uncaught page error, not a failure of the call.
        setTimeout(function () {
          if (outcome.ok) {
            if (typeof settings.success === 'function') settings.success(outcome.value, settings.userObject);
            return;
          }
          var error = new Error(outcome.message);
          if (typeof settings.failure === 'function') settings.failure(error, settings.userObject);
          else if (settings.failure !== null) console.error(error);
        }, 0);
        pump();
      };
      binding('__sheetsSfaRun')(name, argsJson).then(
        function (answer) {
          if (answer.ok) settle({ ok: true, value: answer.json === undefined ? undefined : JSON.parse(answer.json) });
          else settle({ ok: false, message: answer.message });
        },
        function (error) {
          settle({ ok: false, message: String((error && error.message) || error) });
        },
      );
    });
    pump();
  }

  function runner(settings) {
    var self = {
      withSuccessHandler: function (fn) {
        return runner({ success: fn, failure: settings.failure, userObject: settings.userObject });
      },
      withFailureHandler: function (fn) {
        return runner({ success: settings.success, failure: fn, userObject: settings.userObject });
      },
      withUserObject: function (object) {
        return runner({ success: settings.success, failure: settings.failure, userObject: object });
      },
    };
    config.functions.forEach(function (name) {
      if (/_$/.test(name) || Object.prototype.hasOwnProperty.call(self, name)) return;
      self[name] = function () {
        var args = cloneArgument(Array.prototype.slice.call(arguments), 'arguments', []);
        dispatch(settings, name, JSON.stringify(args));
        return undefined;
      };
    });
    return self;
  }

  function hostCall(action, arg) {
    binding('__sheetsSfaHost')(action, JSON.stringify(arg === undefined ? null : arg));
  }

  var google = window.google || (window.google = {});
  google.script = {
    run: runner({ success: undefined, failure: undefined, userObject: undefined }),
    host: {
      origin: 'https://docs.google.com',
      close: function () {
        hostCall('close');
      },
      setHeight: function (height) {
        hostCall('setHeight', height);
      },
      setWidth: function (width) {
        hostCall('setWidth', width);
      },
      editor: {
        focus: function () {
          hostCall('editor.focus');
        },
      },
    },
  };
})(__SHEETS_SFA_CONFIG__);
