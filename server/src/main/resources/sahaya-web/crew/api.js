// The public API as the crew app uses it. The session travels in the HttpOnly, SameSite=Strict cookie
// the login sets (never readable here), so the app holds no token and a reload keeps the session.

/** An answer that was not 2xx: the RFC 9457 problem the node sent, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(ApiError.describe(status, problem));
    this.status = status;
    this.problem = problem || {};
  }

  static describe(status, problem) {
    if (problem && (problem.title || problem.detail)) {
      return [problem.title, problem.detail].filter(Boolean).join(': ');
    }
    return status === 0 ? 'The node cannot be reached. Check the connection.' : `The node answered ${status}.`;
  }
}

/** One request; resolves to the JSON answer (null for an empty one), rejects with an ApiError. */
export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, null);
  }
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

const unitPath = (unit) => `/api/v1/units/${encodeURIComponent(unit)}`;

export const login = (username, password) => api('POST', '/api/v1/session', { username, password });
export const logout = () => api('DELETE', '/api/v1/session');
export const unit = (id) => api('GET', unitPath(id));
export const reportStatus = (id, status) => api('PUT', `${unitPath(id)}/status`, { status });
export const reportPosition = (id, lat, lon) => api('POST', `${unitPath(id)}/position`, { lat, lon });
export const accept = (jobId) => api('POST', `/api/v1/jobs/${encodeURIComponent(jobId)}/accept`);
export const decline = (jobId, reason) => api('POST', `/api/v1/jobs/${encodeURIComponent(jobId)}/decline`, { reason });

/** The unit's current job, or null when it has none (204 or 404 job-not-found). */
export async function job(id) {
  try {
    return await api('GET', `${unitPath(id)}/job`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && !/unit-not-found/.test(e.problem.type || '')) {
      return null;
    }
    throw e;
  }
}
