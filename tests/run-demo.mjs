// `./build.sh run`: serves the demo article on 127.0.0.1 and opens a browser with the built
// extension. Flags: --firefox (Firefox ESR instead of Chromium), --headless, --screenshot FILE
// (hover a name, wait for its card, save a PNG). Without a display it runs headless.
import fs from 'node:fs';
import { startServer } from './browser/server.mjs';
import {
  launchChromium, launchFirefox, chromiumCardText, firefoxCardText, until, LOCATE_WORD,
} from './browser/browsers.mjs';

const args = process.argv.slice(2);
const firefox = args.includes('--firefox');
const screenshotAt = args.indexOf('--screenshot');
const screenshot = screenshotAt >= 0 ? (args[screenshotAt + 1] ?? 'backstory-demo.png') : null;
let headless = args.includes('--headless');
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found: running headless (add --screenshot FILE to see the result).');
  headless = true;
}

const server = await startServer();
const url = `${server.origin}/demo`;
console.log(`Demo article: ${url}`);

if (firefox) {
  const browser = await launchFirefox({ headless });
  const { driver } = browser;
  await driver.get(url);
  if (screenshot) {
    await until(() => driver.executeScript('return CSS.highlights.size > 0'), { what: 'highlights' });
    const point = await driver.executeScript(LOCATE_WORD, 'Araghchi', 1);
    await driver.actions({ async: true }).move({ x: point.x, y: point.y, origin: 'viewport', duration: 200 }).perform();
    await until(() => firefoxCardText(driver), { what: 'card' });
    await new Promise((r) => setTimeout(r, 600));
    fs.writeFileSync(screenshot, Buffer.from(await driver.takeScreenshot(), 'base64'));
    console.log(`Screenshot with the card open: ${screenshot}`);
  }
  if (headless) {
    await browser.close();
  } else {
    console.log('Close the browser window to stop.');
    await until(async () => (await driver.getAllWindowHandles().catch(() => [])).length === 0,
      { timeout: 24 * 3600 * 1000, interval: 1000, what: 'window closed' }).catch(() => {});
    await browser.close().catch(() => {});
  }
} else {
  const browser = await launchChromium({ headless });
  const page = await browser.context.newPage();
  await page.goto(url);
  if (screenshot) {
    await page.waitForFunction(() => CSS.highlights.size > 0);
    const point = await page.evaluate(([s, a]) => new Function(s)(...a), [LOCATE_WORD, ['Araghchi', 1]]);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await until(async () => /Foreign Affairs/.test((await chromiumCardText(page))?.text ?? ''), { what: 'card' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot });
    console.log(`Screenshot with the card open: ${screenshot}`);
  }
  if (headless) {
    await browser.close();
  } else {
    console.log('Close the browser window to stop.');
    await new Promise((resolve) => browser.context.on('close', resolve));
  }
}
server.server.close();
