package org.sweetshop.stock;

/** Why a sweet's stock changed. */
public enum MovementKind { SALE, RESTOCK, ADJUSTMENT, REFUND }
