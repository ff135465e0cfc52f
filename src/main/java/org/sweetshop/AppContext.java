package org.sweetshop;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.audit.AuditService;
import org.sweetshop.backup.BackupService;
import org.sweetshop.catalog.CatalogImport;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.catalog.SweetChanges;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.config.AppConfig;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.coupon.Coupon;
import org.sweetshop.coupon.CouponService;
import org.sweetshop.db.Database;
import org.sweetshop.db.EmbeddedDatabase;
import org.sweetshop.promo.Promo;
import org.sweetshop.promo.PromoService;
import org.sweetshop.refund.RefundService;
import org.sweetshop.report.ReportService;
import org.sweetshop.sale.ConflictService;
import org.sweetshop.sale.OfflineReplay;
import org.sweetshop.sale.SaleService;
import org.sweetshop.settings.SettingDefaults;
import org.sweetshop.settings.SettingsService;
import org.sweetshop.tax.TaxService;
import org.sweetshop.shift.ShiftService;
import org.sweetshop.staff.AuditLogService;
import org.sweetshop.staff.DrawerOpenings;
import org.sweetshop.staff.PasswordHasher;
import org.sweetshop.staff.StaffService;
import org.sweetshop.stock.DeliveryImport;
import org.sweetshop.stock.StockLedger;
import org.sweetshop.stock.StockMovement;
import org.sweetshop.stock.StockService;

/**
 * The composition root, wired by hand: the database this process uses and one instance of each
 * service. No DI framework, no singletons.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppConfig config;
    private final EmbeddedDatabase embedded;
    private final Database database;
    private final StaffService staff;
    private final CatalogService catalog;
    private final StockService stock;
    private final CouponService coupons;
    private final PromoService promos;
    private final SaleService sales;
    private final OfflineReplay offlineReplay;
    private final ConflictService conflicts;
    private final AuditService audit;
    private final ShiftService shifts;
    private final RefundService refunds;
    private final CatalogImport catalogImport;
    private final DeliveryImport deliveryImport;
    private final AuditLogService auditLog;
    private final ReportService reports;
    private final DrawerOpenings drawer;
    private final BackupService backups;
    private final SettingsService settings;
    private final TaxService taxes;
    private SweetChanges liveStock;

    public AppContext(AppConfig config, EmbeddedDatabase embedded, Database database, PasswordHasher hasher, Clock clock) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        var tx = database.transactor();
        this.staff = new StaffService(tx, hasher, clock);
        var labels = org.sweetshop.catalog.ScaleLabels.parse(config.labelPatterns());
        this.catalog = new CatalogService(tx, clock, StockLedger::openingStock, labels);
        this.stock = new StockService(tx, clock);
        this.coupons = new CouponService(tx, clock);
        this.promos = new PromoService(tx, clock);
        this.sales = new SaleService(tx, clock);
        this.offlineReplay = new OfflineReplay(tx, clock);
        this.conflicts = new ConflictService(tx, clock);
        this.audit = new AuditService(database.dataSource());
        this.shifts = new ShiftService(tx, clock);
        this.refunds = new RefundService(tx, clock);
        this.catalogImport = new CatalogImport(tx, clock, StockLedger::openingStock, labels);
        this.deliveryImport = new DeliveryImport(tx, clock);
        this.auditLog = new AuditLogService(tx);
        this.drawer = new DrawerOpenings(tx, clock);
        this.reports = new ReportService(tx, clock);
        this.backups = new BackupService(tx, clock, appVersion());
        // read when the settings are: a bad weight.price.per fails what reads it, not every command
        this.taxes = new TaxService(tx, clock);
        this.settings = new SettingsService(tx, clock,
                () -> new SettingDefaults(config.storeName(), config.currency(), ConfigLoader.pricePer100g(config.dataDir())));
    }

    /** "Sweetshop POS" and the jar's version (its manifest's Implementation-Version), "dev" without one. */
    public static String appVersion() {
        String version = AppContext.class.getPackage().getImplementationVersion();
        return "Sweetshop POS " + (version == null ? "dev" : version);
    }

    /** Every entity class, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        List<Class<?>> entities = new ArrayList<>(StaffService.entities());
        entities.addAll(List.of(Sweet.class, StockMovement.class, Coupon.class, Promo.class));
        entities.addAll(SaleService.entities());
        entities.addAll(ShiftService.entities());
        entities.addAll(RefundService.entities());
        entities.addAll(SettingsService.entities());
        entities.addAll(TaxService.entities());
        return entities;
    }

    /**
     * Opens the configured store database, or starts (or joins) the embedded one in the data
     * directory, brings its schema up to date and wires the services.
     */
    public static AppContext open(AppConfig config) {
        EmbeddedDatabase embedded = null;
        Database.Settings settings;
        if (config.embedded()) {
            embedded = EmbeddedDatabase.startOrJoin(config.dataDir(), EmbeddedDatabase.Options.local());
            var endpoint = embedded.endpoint();
            settings = settings(config, endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
        } else {
            settings = settings(config, config.dbUrl(), config.dbUser(), config.dbPassword());
        }
        try {
            Database database = Database.open(settings, entities());
            return new AppContext(config, embedded, database, new PasswordHasher(), Clock.systemDefaultZone());
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    public static Database.Settings settings(AppConfig config, String url, String user, String password) {
        return new Database.Settings(url, user, password, config.poolSize(), config.lockTimeout().toMillis(),
                config.connectTimeout().toMillis());
    }

    public AppConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public TaxService taxes() {
        return taxes;
    }

    public StaffService staff() {
        return staff;
    }

    public CatalogService catalog() {
        return catalog;
    }

    public StockService stock() {
        return stock;
    }

    public CouponService coupons() {
        return coupons;
    }

    public PromoService promos() {
        return promos;
    }

    public SaleService sales() {
        return sales;
    }

    /** Sales made offline, sent to the store database (the journal's replay). */
    public OfflineReplay offlineReplay() {
        return offlineReplay;
    }

    /** The stock discrepancies offline sales left, for a manager. */
    public ConflictService conflicts() {
        return conflicts;
    }

    public ShiftService shifts() {
        return shifts;
    }

    public RefundService refunds() {
        return refunds;
    }

    public CatalogImport catalogImport() {
        return catalogImport;
    }

    public DeliveryImport deliveryImport() {
        return deliveryImport;
    }

    public AuditLogService auditLog() {
        return auditLog;
    }

    /** The cash drawer opened without a sale, audit-logged. */
    public DrawerOpenings drawer() {
        return drawer;
    }

    public ReportService reports() {
        return reports;
    }

    public BackupService backups() {
        return backups;
    }

    /** The store's settings (in the database; the till's properties where unset). */
    public SettingsService settings() {
        return settings;
    }

    /**
     * Live stock: changes to sweets pushed by the database (LISTEN/NOTIFY on a connection of its
     * own), started on first use; only the till needs it, so command-line runs never open it.
     */
    public synchronized SweetChanges liveStock() {
        if (liveStock == null) {
            liveStock = SweetChanges.start(database.settings());
        }
        return liveStock;
    }

    public AuditService audit() {
        return audit;
    }

    /** Describes where the data lives, for status lines. */
    public String describeDatabase() {
        if (embedded != null) {
            return (embedded.owner() ? "embedded database" : "embedded database (run by another app)") + " in " + config.dataDir();
        }
        return database.settings().jdbcUrl();
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (liveStock != null) {
                    liveStock.close();
                }
            }
            database.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            LOG.info("closed");
        }
    }
}
