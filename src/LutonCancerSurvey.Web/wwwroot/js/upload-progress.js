// Shows how far a results upload has gone (a national file is tens of megabytes). Without JavaScript the form posts
// as usual and the server's preview arrives when the upload and the check are done.
(() => {
  const form = document.querySelector("form[data-upload-progress]");
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }

  const bar = document.getElementById("upload-progress");
  const status = document.getElementById("upload-status");

  form.addEventListener("submit", (event) => {
    const input = form.querySelector("input[type=file]");
    if (!input || input.files.length === 0) {
      return; // the server explains what is missing
    }

    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    status.textContent = "Uploading: 0%";

    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) {
        const percent = Math.round((progress.loaded / progress.total) * 100);
        bar.value = percent;
        status.textContent = `Uploading: ${percent}%`;
      }
    });
    request.upload.addEventListener("load", () => {
      bar.removeAttribute("value");
      status.textContent = "Uploaded. Checking the file: a full national file takes up to a minute.";
    });
    request.addEventListener("load", () => {
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", () => {
      status.textContent = "The upload did not finish. Check your connection and try again.";
    });
    request.send(new FormData(form));
  });
})();
