/** Marks our SQLite files ("Spnw"), so we never mistake another database for a project. */
export const APPLICATION_ID = 0x53706e77
