// Passkeys and security keys (WebAuthn) on staff pages: only the pages that
// ask for one load this file. A button marked data-passkey="create" or "get"
// carries the options Haven made for this one request (a challenge kept on
// the server); pressing it asks the browser, puts the answer in the form's
// hidden "passkey" field and sends the form. Nothing else leaves the page.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-passkey]");
  if (!buttons.length) { return; }

  function bytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var raw = atob(base64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { out[i] = raw.charCodeAt(i); }
    return out.buffer;
  }

  function text(buffer) {
    if (!buffer) { return null; }
    var view = new Uint8Array(buffer), raw = "";
    for (var i = 0; i < view.length; i += 1) { raw += String.fromCharCode(view[i]); }
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withIds(list) {
    return (list || []).map(function (c) {
      var copy = Object.assign({}, c);
      copy.id = bytes(c.id);
      return copy;
    });
  }

  function creationOptions(options) {
    var key = Object.assign({}, options.publicKey);
    key.challenge = bytes(key.challenge);
    key.user = Object.assign({}, key.user, { id: bytes(key.user.id) });
    key.excludeCredentials = withIds(key.excludeCredentials);
    return { publicKey: key };
  }

  function requestOptions(options) {
    var key = Object.assign({}, options.publicKey);
    key.challenge = bytes(key.challenge);
    key.allowCredentials = withIds(key.allowCredentials);
    return { publicKey: key };
  }

  function created(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      response: {
        attestationObject: text(r.attestationObject),
        clientDataJSON: text(r.clientDataJSON),
        transports: r.getTransports ? r.getTransports() : undefined
      },
      extensions: credential.getClientExtensionResults()
    };
  }

  function asserted(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: text(r.authenticatorData),
        clientDataJSON: text(r.clientDataJSON),
        signature: text(r.signature),
        userHandle: text(r.userHandle)
      },
      extensions: credential.getClientExtensionResults()
    };
  }

  function say(button, kind) {
    var box = document.getElementById(button.getAttribute("data-error"));
    if (!box) { return; }
    box.textContent = box.getAttribute("data-" + kind) || box.getAttribute("data-failed");
    box.hidden = false;
    box.focus();
  }

  Array.prototype.forEach.call(buttons, function (button) {
    if (!window.PublicKeyCredential || !navigator.credentials) {
      say(button, "unsupported");
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var form = button.form;
      if (!form.reportValidity()) { return; }
      var create = button.getAttribute("data-passkey") === "create";
      var options = JSON.parse(button.getAttribute("data-options"));
      var asking = create
        ? navigator.credentials.create(creationOptions(options))
        : navigator.credentials.get(requestOptions(options));
      button.disabled = true;
      asking.then(function (credential) {
        var answer = create ? created(credential) : asserted(credential);
        form.querySelector("input[name=passkey]").value = JSON.stringify(answer);
        form.submit();
      }, function (error) {
        button.disabled = false;
        if (error && error.name === "InvalidStateError") { say(button, "taken"); }
        else if (error && error.name === "NotAllowedError") { say(button, "cancelled"); }
        else { say(button, "failed"); }
      });
    });
  });
})();
