package org.sweetshop.sale;

public enum PaymentMethod { CASH, CARD }
