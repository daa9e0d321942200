/* Keep the section anchor when switching language: headings carry the same ids in both languages. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-dj-twin]");
  if (link && location.hash) {
    link.href = link.href.split("#")[0] + location.hash;
  }
});
