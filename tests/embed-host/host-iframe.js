// Sizes the Loupe iframe from its loupe:resize messages, accepting them only from that frame.
window.addEventListener('message', (event) => {
  const frame = document.getElementById('loupe');
  if (event.source !== frame.contentWindow || event.data?.type !== 'loupe:resize') return;
  const height = Number(event.data.height);
  if (Number.isFinite(height) && height > 0) frame.style.height = `${height}px`;
});
