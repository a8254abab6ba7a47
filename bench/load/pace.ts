/** A typist whose keystrokes a timer drives. */
export interface PacedTypist {
  timer: NodeJS.Timeout | null;
}

/** Each typist types `cps` keystrokes a second, starting at a random phase, as people do. */
export function typeAtRate<T extends PacedTypist>(
  typists: T[],
  cps: number,
  typeOne: (typist: T) => void,
): void {
  const interval = 1000 / cps;
  for (const typist of typists) {
    typist.timer = setTimeout(() => {
      typeOne(typist);
      typist.timer = setInterval(() => typeOne(typist), interval);
    }, Math.random() * interval);
  }
}

export function stopTyping(typists: PacedTypist[]): void {
  for (const typist of typists) {
    if (typist.timer) clearTimeout(typist.timer);
    typist.timer = null;
  }
}
