// Puts a job on the page. Text only (textContent, never HTML), so nothing in a job can run as markup.
const $ = (id) => document.getElementById(id);

function text(id, value) {
  const el = $(id);
  el.textContent = value || '';
  el.hidden = !value;
}

function readable(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map(readable).filter(Boolean).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k} ${readable(v)}`).join(', ');
  }
  return String(value);
}

/** Fills a <dl> with an object's members; hides it when there are none. */
function pairs(id, object) {
  const dl = $(id);
  dl.replaceChildren();
  const entries = object && typeof object === 'object' ? Object.entries(object).filter(([, v]) => readable(v)) : [];
  for (const [key, value] of entries) {
    const dt = document.createElement('dt');
    dt.textContent = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const dd = document.createElement('dd');
    dd.textContent = readable(value);
    dl.append(dt, dd);
  }
  dl.hidden = entries.length === 0;
}

function clock(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString();
}

/** Shows `job` (the job JSON of GET /api/v1/units/{id}/job). */
export function showJob(job) {
  $('job').hidden = false;
  $('no-job').hidden = true;
  $('job-priority').textContent = job.priority || '';
  $('job-alert').textContent = (job.alertType || 'Job').replaceAll('_', ' ');
  $('job-id').textContent = job.jobId;
  $('job-state').textContent = job.state;
  text('job-deadline', job.state === 'OFFERED' && job.acceptBy ? `, accept by ${clock(job.acceptBy)}` : '');

  const where = job.where || {};
  text('where-address', where.address || 'No address given');
  text('where-landmark', where.landmark ? `Landmark: ${where.landmark}` : '');
  text('where-access', where.accessNotes ? `Access: ${where.accessNotes}` : '');
  const navigate = $('navigate');
  const located = typeof where.lat === 'number' && typeof where.lon === 'number';
  navigate.hidden = !located;
  navigate.href = located ? `geo:${where.lat},${where.lon}` : '#';

  const patient = job.patient || {};
  const about = [patient.name, patient.age != null ? `age ${patient.age}` : '', patient.language ? `speaks ${patient.language}` : '']
    .filter(Boolean).join(', ');
  text('patient', about || 'Not known');
  pairs('medical', patient.medical);

  text('why', [(job.alertType || '').replaceAll('_', ' ').toLowerCase(), job.priority ? `priority ${job.priority}` : '']
    .filter(Boolean).join(', '));
  pairs('vitals', job.vitals);

  const hospital = job.hospital;
  text('hospital', hospital
    ? [hospital.name, hospital.address, hospital.bedKind ? `bed: ${hospital.bedKind}` : '', hospital.phone].filter(Boolean).join(', ')
    : 'None reserved yet');

  const contact = job.contact;
  const call = $('contact');
  call.hidden = !(contact && contact.phone);
  $('contact-none').hidden = !call.hidden;
  if (contact && contact.phone) {
    call.href = `tel:${contact.phone}`;
    call.textContent = `Call ${[contact.name, contact.relation ? `(${contact.relation})` : ''].filter(Boolean).join(' ')} ${contact.phone}`;
  }

  text('eta', typeof job.etaSeconds === 'number' ? `ETA ${Math.max(1, Math.round(job.etaSeconds / 60))} min` : '');
  $('offer').hidden = job.state !== 'OFFERED';
}

/** No current job (`last`, if given, is the job that just ended). */
export function showNoJob(last) {
  $('job').hidden = true;
  $('offer').hidden = true;
  $('no-job').hidden = false;
  $('no-job').textContent = last ? `No job. Job ${last.jobId} is ${last.state}. Waiting for a dispatch.`
    : 'No job. Waiting for a dispatch.';
}
