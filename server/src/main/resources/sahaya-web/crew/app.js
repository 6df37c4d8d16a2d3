// The crew app: log in, watch the unit's job (polled every 2 s), accept or decline it, report status,
// and send the phone's position while on a job. Uses only the public API (see api.js).
import * as api from './api.js';
import { canMoveTo, onIncident } from './transitions.js';
import { PositionReporter } from './position.js';
import { showJob, showNoJob } from './view.js';

const POLL_MS = 2000;
const UNIT_KEY = 'sahaya.crew.unit';
const $ = (id) => document.getElementById(id);

const state = { unit: null, status: null, job: null, timer: null, busy: false, polling: false };
const positions = new PositionReporter((lat, lon) => api.reportPosition(state.unit, lat, lon),
  (note) => { $('position').textContent = note; });

function say(text, ok = false) {
  const el = $('message');
  el.textContent = text || '';
  el.hidden = !text;
  el.classList.toggle('ok', ok);
}

function live(job) {
  return job && (job.state === 'OFFERED' || job.state === 'ACCEPTED');
}

function render() {
  $('unit-status').textContent = state.status ? state.status.replaceAll('_', ' ') : '…';
  if (live(state.job)) {
    showJob(state.job);
  } else {
    showNoJob(state.job);
  }
  const offered = live(state.job) && state.job.state === 'OFFERED';
  $('accept').disabled = state.busy;
  $('decline-button').disabled = state.busy;
  for (const button of document.querySelectorAll('[data-status]')) {
    const target = button.dataset.status;
    button.disabled = state.busy || offered || !state.status || !canMoveTo(state.status, target);
    button.classList.toggle('current', target === state.status);
    button.setAttribute('aria-pressed', String(target === state.status));
  }
  const onJob = onIncident(state.status) || (state.job && state.job.state === 'ACCEPTED');
  if (onJob) {
    positions.start();
  } else if (positions.running) {
    positions.stop();
    $('position').textContent = 'Position not shared (no job).';
  }
}

async function poll() {
  if (!state.unit || state.polling) {
    return;
  }
  state.polling = true;
  try {
    const [unit, job] = await Promise.all([api.unit(state.unit), api.job(state.unit)]);
    state.status = unit.status;
    state.job = job;
    render();
  } catch (e) {
    if (e.status === 401) {
      loggedOut('Your session has ended. Log in again.');
      return;
    }
    say(e.message);
  } finally {
    state.polling = false;
    if (state.unit) {
      clearTimeout(state.timer);
      state.timer = setTimeout(poll, POLL_MS);
    }
  }
}

function showWork(unit, who) {
  state.unit = unit;
  $('unit-id').textContent = unit;
  $('who').textContent = who ? `${who} · ${unit}` : unit;
  $('who').hidden = false;
  $('login').hidden = true;
  $('work').hidden = false;
  $('logout').hidden = false;
  poll();
}

function loggedOut(why) {
  clearTimeout(state.timer);
  positions.stop();
  sessionStorage.removeItem(UNIT_KEY);
  Object.assign(state, { unit: null, status: null, job: null, timer: null, busy: false });
  $('work').hidden = true;
  $('logout').hidden = true;
  $('who').hidden = true;
  $('login').hidden = false;
  $('password').value = '';
  say(why || '', !why);
  $('username').focus();
}

/** Runs one action of the crew, greying the buttons meanwhile; shows the node's answer. */
async function act(work, done) {
  if (state.busy) {
    return;
  }
  state.busy = true;
  render();
  try {
    await work();
    say(done, true);
  } catch (e) {
    if (e.status === 401) {
      loggedOut('Your session has ended. Log in again.');
      return;
    }
    say(e.message);
  } finally {
    state.busy = false;
    render();
    poll();
  }
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  if (!username || !password) {
    say('Enter your username and password.');
    (username ? $('password') : $('username')).focus();
    return;
  }
  $('login-button').disabled = true;
  try {
    const session = await api.login(username, password);
    if (!session.roles.includes('crew') || !session.unit) {
      await api.logout().catch(() => {});
      say('This app is for ambulance crews: log in with the crew account of your unit.');
      return;
    }
    sessionStorage.setItem(UNIT_KEY, session.unit);
    say('');
    $('password').value = '';
    showWork(session.unit, username);
  } catch (e) {
    say(e.message);
  } finally {
    $('login-button').disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  await api.logout().catch(() => {});
  loggedOut('');
  say('Logged out.', true);
});

$('accept').addEventListener('click', () => {
  const job = state.job;
  act(() => api.accept(job.jobId), `Job ${job.jobId} accepted. Drive safely.`);
});

$('decline').addEventListener('submit', (event) => {
  event.preventDefault();
  const reason = $('decline-reason');
  const job = state.job;
  if (!reason.value.trim()) {
    reason.setAttribute('aria-invalid', 'true');
    say('Give a reason to decline the job.');
    reason.focus();
    return;
  }
  reason.removeAttribute('aria-invalid');
  act(async () => {
    await api.decline(job.jobId, reason.value.trim());
    reason.value = '';
  }, `Job ${job.jobId} declined. Sahaya sends another unit.`);
});

for (const button of document.querySelectorAll('[data-status]')) {
  button.addEventListener('click', () => {
    const status = button.dataset.status;
    act(() => api.reportStatus(state.unit, status), `Status reported: ${button.textContent}.`);
  });
}

// A reload keeps the session (its cookie); the unit it is bound to is remembered for this tab only.
const remembered = sessionStorage.getItem(UNIT_KEY);
if (remembered) {
  showWork(remembered, '');
} else {
  $('login').hidden = false;
}
