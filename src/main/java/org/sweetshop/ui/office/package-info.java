/**
 * The back office: a manager's or an owner's screen, one tab per task, each tab a room of its own.
 *
 * <p>Where things are:
 * <ul>
 *   <li>{@code BackOffice}: the till's only way in ({@code allowed}, {@code reload}, {@code root},
 *       {@code mayLeave}); it builds the models ({@code OfficeModels}) and the shell
 *       ({@code BackOfficeView}: title bar, the tabs, the message line).</li>
 *   <li>One package per tab, each with its tab ({@code XxxTab}: JavaFX, binds and forwards) and its
 *       view model ({@code XxxViewModel}: no {@code javafx.scene}, given only the services it uses and
 *       the {@code TaskExecutor}, tested on plain JUnit):
 *       {@code catalogue} (the sweets, adding, price, details, off sale),
 *       {@code stock} (restock, stocktake and history of the chosen sweet, in the catalogue tab's side
 *       panel; and the low stock tab), {@code imports} (CSV catalogue and delivery files),
 *       {@code refunds}, {@code coupons} (batches and their printable sheet, listing, voiding),
 *       {@code promos}, {@code staff}, {@code reports}, {@code auditlog}, {@code settings} (the store's
 *       settings: a form the owner saves, read-only for a manager).</li>
 *   <li>Shared by the tabs, in {@code shared} (so the shell depends on the tabs and the tabs on it, never back): {@code OfficeStatus} (the message line, busy, progress, and
 *       {@code task(...)}, how a tab runs a step in the background), {@code ChosenSweet},
 *       {@code TypedInput} (typed fields checked before anything is sent), {@code OfficeControls}
 *       (tables, columns, section titles), {@code OfficeFiles} (file choosers), {@code OfficeTab}
 *       (a tab and what it reads again when shown), and, in this package, {@code office.css} (the one stylesheet, on the
 *       shell's root).</li>
 * </ul>
 *
 * <p>A change in one tab that shows in another (a restock, an import, a refund, a catalogue edit:
 * the catalogue and low stock) is wired in {@code OfficeModels}; each tab also reads its lists
 * again when it is chosen, since the tills sell meanwhile.
 */
package org.sweetshop.ui.office;
