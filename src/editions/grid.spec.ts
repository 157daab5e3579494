import { generateSlots, gridProblems, toZonedIso, type GridSpec } from './grid.js';

const messages = (grid: GridSpec) => gridProblems(grid).map((p) => p.message);

const spec = {
  timezone: 'Europe/Paris',
  slotMinutes: 20,
  breakMinutes: 10,
  days: [
    { date: '2027-05-20', start: '14:00', end: '15:00' },
    { date: '2027-05-19', start: '09:00', end: '10:30' },
  ],
};

describe('meeting grid', () => {
  it('cuts each day into slots with breaks, in day order', () => {
    const slots = generateSlots(spec);
    expect(slots.map((s) => toZonedIso(s.startsAt, spec.timezone))).toEqual([
      '2027-05-19T09:00:00+02:00',
      '2027-05-19T09:30:00+02:00',
      '2027-05-19T10:00:00+02:00',
      '2027-05-20T14:00:00+02:00',
      '2027-05-20T14:30:00+02:00',
    ]);
    expect(slots.map((s) => s.day)).toEqual([0, 0, 0, 1, 1]);
    expect(slots.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
    expect(toZonedIso(slots[0].endsAt, 'Europe/Paris')).toBe('2027-05-19T09:20:00+02:00');
  });

  it('keeps local wall-clock times across a daylight-saving change', () => {
    const slots = generateSlots({
      timezone: 'Europe/Paris',
      slotMinutes: 30,
      breakMinutes: 0,
      days: [
        { date: '2027-03-27', start: '09:00', end: '09:30' },
        { date: '2027-03-28', start: '09:00', end: '09:30' },
      ],
    });
    expect(slots.map((s) => toZonedIso(s.startsAt, 'Europe/Paris'))).toEqual([
      '2027-03-27T09:00:00+01:00',
      '2027-03-28T09:00:00+02:00',
    ]);
  });

  it('names the field of each problem', () => {
    expect(gridProblems({ ...spec, timezone: 'Mars/Olympus' })[0]).toMatchObject({
      field: 'timezone',
      code: 'edition/bad_timezone',
    });
    expect(messages({ ...spec, timezone: 'Mars/Olympus' })).toEqual([
      'timezone must be an IANA time zone such as Europe/Paris',
    ]);
    expect(
      messages({
        ...spec,
        days: [
          { date: '2027-02-30', start: '09:00', end: '10:00' },
          { date: '2027-05-19', start: '11:00', end: '10:00' },
        ],
      }),
    ).toEqual([
      'days.0.date must be a real date',
      'days.0.start must be a time HH:mm',
      'days.0.end must be a time HH:mm',
      'days.1.end must leave room for at least one slot after days.1.start',
    ]);
  });
});
