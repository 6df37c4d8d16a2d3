// The unit's allowed status moves: a mirror of core.fleet.UnitStatus (keep the two alike; the node
// refuses an illegal move with 409 whatever this says, this only greys out buttons that would fail).
const NEXT = {
  AVAILABLE: ['DISPATCHED', 'OUT_OF_SERVICE'],
  DISPATCHED: ['EN_ROUTE', 'ON_SCENE', 'AVAILABLE', 'OUT_OF_SERVICE'],
  EN_ROUTE: ['ON_SCENE', 'AVAILABLE', 'OUT_OF_SERVICE'],
  ON_SCENE: ['TRANSPORTING', 'RETURNING', 'AVAILABLE', 'OUT_OF_SERVICE'],
  TRANSPORTING: ['AT_HOSPITAL', 'OUT_OF_SERVICE'],
  AT_HOSPITAL: ['RETURNING', 'AVAILABLE', 'OUT_OF_SERVICE'],
  RETURNING: ['AVAILABLE', 'OUT_OF_SERVICE'],
  OUT_OF_SERVICE: ['AVAILABLE'],
};

/** Whether a unit in status `from` may report `to`. */
export function canMoveTo(from, to) {
  return (NEXT[from] || []).includes(to);
}

/** Working an incident: from the dispatch until the patient is handed over (positions are sent then). */
export function onIncident(status) {
  return ['DISPATCHED', 'EN_ROUTE', 'ON_SCENE', 'TRANSPORTING', 'AT_HOSPITAL'].includes(status);
}
