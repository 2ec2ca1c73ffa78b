// A courtesy against double submits: a form marked "once" disables its button when sent.
// The real guard is the form's one-time submission key, checked by the server.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains("once")) return;
  for (const button of form.querySelectorAll("button[type=submit]")) {
    button.disabled = true;
    button.textContent = "Sending…";
  }
});
