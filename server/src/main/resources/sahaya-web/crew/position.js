// Sends the phone's position while the unit is on a job: the browser's watchPosition, at most one
// report every `minIntervalMs` (the newest position waits for its turn; older ones are dropped).
export class PositionReporter {
  #send;
  #minIntervalMs;
  #onNote;
  #watch = null;
  #pending = null;
  #lastSent = 0;
  #timer = null;
  #sending = false;

  /**
   * @param send (lat, lon) => Promise, the report to the node
   * @param onNote (text) => void, what to show the crew (last position sent, or why none is)
   */
  constructor(send, onNote, minIntervalMs = 5000) {
    this.#send = send;
    this.#onNote = onNote;
    this.#minIntervalMs = minIntervalMs;
  }

  get running() {
    return this.#watch !== null;
  }

  start() {
    if (this.#watch !== null) {
      return;
    }
    if (!('geolocation' in navigator)) {
      this.#onNote('This browser cannot share its position.');
      return;
    }
    this.#watch = navigator.geolocation.watchPosition(
      (p) => this.#seen(p.coords.latitude, p.coords.longitude),
      (e) => this.#onNote(`Position not shared: ${e.message || 'permission denied or unavailable'}.`),
      { enableHighAccuracy: true, maximumAge: 5000, timeout: 30000 });
  }

  stop() {
    if (this.#watch !== null) {
      navigator.geolocation.clearWatch(this.#watch);
    }
    this.#watch = null;
    this.#pending = null;
    clearTimeout(this.#timer);
    this.#timer = null;
  }

  #seen(lat, lon) {
    this.#pending = { lat, lon };
    this.#flush();
  }

  async #flush() {
    if (this.#pending === null || this.#sending || this.#timer !== null) {
      return;
    }
    const wait = this.#lastSent + this.#minIntervalMs - Date.now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#flush();
      }, wait);
      return;
    }
    const { lat, lon } = this.#pending;
    this.#pending = null;
    this.#sending = true;
    this.#lastSent = Date.now();
    try {
      await this.#send(lat, lon);
      this.#onNote(`Position sent at ${new Date().toLocaleTimeString()} (${lat.toFixed(5)}, ${lon.toFixed(5)}).`);
    } catch (e) {
      this.#onNote(`Position not sent: ${e.message}`);
    } finally {
      this.#sending = false;
      if (this.#watch !== null) {
        this.#flush();
      }
    }
  }
}
