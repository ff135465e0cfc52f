package org.sweetshop.catalog;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.sweetshop.common.SoldBy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.DynamicUpdate;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A sweet in the catalogue. Its stock changes only through the stock ledger
 * ({@code stock.StockLedger}), which updates it and writes the movement in one transaction.
 */
@Entity
// only the changed columns: a till may update some columns only (V9)
@DynamicUpdate
@Table(name = "sweet")
public class Sweet {

    /** No sweet keeps more than this in stock: keeps sums far from integer overflow. */
    public static final int MAX_STOCK = 1_000_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sweet_seq")
    @SequenceGenerator(name = "sweet_seq", sequenceName = "sweet_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 60)
    private String category;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    /** Pieces for a counted sweet, whole grams for a weighed one ({@link #getSoldBy}). */
    @Column(nullable = false)
    private int stock;

    /** Fixed once the sweet exists (trigger sweet_sold_by_fixed): its stock and ledger are in its unit. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sold_by", nullable = false, length = 8, updatable = false)
    private SoldBy soldBy = SoldBy.COUNTED;

    /** The 5-digit PLU a label scale prints into its labels, or null. */
    @Column
    private Integer plu;

    /** The tax rate it is sold at ({@code tax_rate.code}, V16); a new sweet gets the store's default. */
    @Column(name = "tax_code", nullable = false, length = 8)
    private String taxCode;

    @Column(name = "reorder_level", nullable = false)
    private int reorderLevel;

    @Column(nullable = false)
    private boolean active = true;

    /** How many movements this sweet's ledger has: the number of the latest. */
    @Column(nullable = false)
    private int movements;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Sweet() {
    }

    Sweet(String sku, String name, String category, BigDecimal price, int reorderLevel, Instant createdAt) {
        this(sku, name, category, price, reorderLevel, createdAt, SoldBy.COUNTED, null);
    }

    Sweet(String sku, String name, String category, BigDecimal price, int reorderLevel, Instant createdAt, SoldBy soldBy, Integer plu) {
        this(sku, name, category, price, reorderLevel, createdAt, soldBy, plu, null);
    }

    /** @param taxCode its tax rate's code; null: the default rate's, filled in by the database (sweet_tax_default) */
    Sweet(String sku, String name, String category, BigDecimal price, int reorderLevel, Instant createdAt, SoldBy soldBy, Integer plu,
          String taxCode) {
        this.taxCode = taxCode;
        this.soldBy = soldBy;
        this.plu = plu;
        this.sku = sku;
        this.name = name;
        this.category = category;
        this.price = price;
        this.reorderLevel = reorderLevel;
        this.createdAt = createdAt;
    }

    /**
     * Sets the stock a ledger movement leaves and returns that movement's number in this sweet's
     * chain. Only the stock ledger ({@code stock.StockLedger}) calls this, under the sweet's row
     * lock, and writes the movement in the same transaction; it checks the change first.
     */
    public int recordMovement(int stockAfter) {
        if (stockAfter < 0 || stockAfter > MAX_STOCK) {
            throw new IllegalArgumentException("stock out of range: " + stockAfter);
        }
        stock = stockAfter;
        return ++movements;
    }

    void changePrice(BigDecimal newPrice) {
        this.price = newPrice;
    }

    void changeSku(String newSku) {
        this.sku = newSku;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void changeCategory(String newCategory) {
        this.category = newCategory;
    }

    void changeReorderLevel(int level) {
        this.reorderLevel = level;
    }

    void changePlu(Integer newPlu) {
        this.plu = newPlu;
    }

    void changeTaxCode(String code) {
        this.taxCode = code;
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    String getCategory() {
        return category;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public SoldBy getSoldBy() {
        return soldBy;
    }

    public Integer getPlu() {
        return plu;
    }

    /** The code of the tax rate it is sold at. */
    public String getTaxCode() {
        return taxCode;
    }

    public int getStock() {
        return stock;
    }

    int getReorderLevel() {
        return reorderLevel;
    }

    /** The number of this sweet's latest stock movement. */
    public int getMovements() {
        return movements;
    }

    public boolean isActive() {
        return active;
    }

    public SweetView view() {
        return new SweetView(id, sku, name, category, price, stock, reorderLevel, active, soldBy, plu, taxCode);
    }
}
