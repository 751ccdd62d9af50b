import Foundation

/// The sales report, the administration counts and the sales panel (read-only).
public protocol ReportStore: Sendable {
    /// Sales between two ISO dates (both inclusive, shop days; nil = unbounded), per day and
    /// per product; cancelled orders excluded.
    func sales(since: String?, until: String?) async throws -> SalesReport
    func statistics() async throws -> Statistics
    /// The panel of `GET /admin/estadisticas` (see `SalesPanelPeriod` for the default period).
    func salesPanel(since: String?, until: String?, top: Int, stockThreshold: Int, now: Date) async throws
        -> SalesPanel
}

/// The panel's period, the same on every engine: `until` defaults to today, `since` to 29
/// days before `until` (30 shop days).
struct SalesPanelPeriod {
    var since: String
    var until: String
    var range: DateRange

    init(since: String?, until: String?, now: Date) throws {
        let today = ShopCalendar.day(of: now)
        let until = until ?? today
        let since =
            since ?? ShopCalendar.startOfDay(until).map { ShopCalendar.day(of: $0.addingTimeInterval(-29 * 86_400)) }
            ?? today
        self.since = since
        self.until = until
        range = try DateRange(since: since, until: until)
    }
}

extension SalesReport {
    /// The report's totals from its rows.
    init(since: String?, until: String?, byDay: [DailySales], byProduct: [ProductSales]) {
        self.init(
            since: since, until: until, orders: byDay.reduce(0) { $0 + $1.orders },
            units: byDay.reduce(0) { $0 + $1.units }, total: byDay.reduce(0) { $0 + $1.total },
            byDay: byDay, byProduct: byProduct)
    }
}

extension SalesPanel {
    /// The panel from its parts (the sales report's totals and average ticket computed here).
    init(
        period: SalesPanelPeriod, report: SalesReport, top: Int, byWeek: [WeeklySales], byState: [String: Int],
        clients: [TopClient], conversion: Conversion, lowStock: LowStock, messages: [ChannelMessages]
    ) {
        let orders = report.orders
        self.init(
            period: .init(since: period.since, until: period.until),
            sales: .init(
                orders: orders, units: report.units, total: report.total,
                averageTicket: orders == 0 ? 0 : Int((Double(report.total) / Double(orders)).rounded()),
                byDay: report.byDay, byWeek: byWeek, ordersByState: byState),
            topProducts: Array(report.byProduct.prefix(top)), topClients: clients, conversion: conversion,
            lowStock: lowStock, messagesByChannel: messages)
    }
}
