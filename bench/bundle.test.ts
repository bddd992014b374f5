import { describe, expect, it } from 'vitest';
import { initialAssets } from './bundle';

describe('initialAssets', () => {
  it('lists module scripts, modulepreloads and stylesheets of the built index.html, not icons or data URLs', () => {
    const html = `<!doctype html><html><head>
      <link rel="icon" href="data:," />
      <script type="module" crossorigin src="./assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="./assets/index-123.css">
      <link rel="preconnect" href="https://example.org">
    </head><body><div id="root"></div></body></html>`;
    expect(initialAssets(html)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js', 'assets/index-123.css']);
  });
});
