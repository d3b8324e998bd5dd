extension Theme {
    /// The dark default, also shipped as `themes/default.toml` (a test keeps the two equal).
    public static let standard = Theme(
        name: "default",
        styles: [
            .text: Style(),
            .dim: Style(foreground: .indexed(245)),
            .header: Style(foreground: .indexed(252), background: .indexed(236)),
            .headerAccent: Style(foreground: .indexed(16), background: .indexed(80), bold: true),
            .tab: Style(foreground: .indexed(248)),
            .tabActive: Style(foreground: .indexed(80), bold: true, underline: true),
            .columnHeader: Style(foreground: .indexed(245), bold: true),
            .border: Style(foreground: .indexed(240)),
            .selected: Style(foreground: .indexed(231), background: .indexed(25), bold: true),
            .marked: Style(foreground: .indexed(214)),
            .pending: Style(foreground: .indexed(221)),
            .complete: Style(foreground: .indexed(114)),
            .failed: Style(foreground: .indexed(203), bold: true),
            .flag: Style(foreground: .indexed(214)),
            .error: Style(foreground: .indexed(203)),
            .groupHeader: Style(foreground: .indexed(203), background: .indexed(235), bold: true),
            .label: Style(foreground: .indexed(110)),
            .revealed: Style(foreground: .indexed(213), bold: true),
            .title: Style(foreground: .indexed(80), bold: true),
            .help: Style(foreground: .indexed(252)),
            .helpKey: Style(foreground: .indexed(80), bold: true),
            .prompt: Style(foreground: .indexed(80), bold: true),
            .message: Style(foreground: .indexed(114)),
            .messageError: Style(foreground: .indexed(203), bold: true),
            .sparkline: Style(foreground: .indexed(80)),
            .confidenceHigh: Style(foreground: .indexed(114)),
            .confidenceMid: Style(foreground: .indexed(221)),
            .confidenceLow: Style(foreground: .indexed(203)),
            .disabled: Style(foreground: .indexed(240)),
            .footer: Style(foreground: .indexed(248), background: .indexed(235)),
            .footerKey: Style(foreground: .indexed(80), background: .indexed(235), bold: true),
        ])

    /// No colours at all, for `NO_COLOR`: attributes alone tell the roles apart.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .headerAccent: Style(bold: true, reverse: true),
            .header: Style(reverse: true),
            .tabActive: Style(bold: true, underline: true),
            .columnHeader: Style(bold: true),
            .selected: Style(reverse: true),
            .failed: Style(bold: true),
            .error: Style(bold: true),
            .groupHeader: Style(bold: true, underline: true),
            .revealed: Style(underline: true),
            .title: Style(bold: true),
            .helpKey: Style(bold: true),
            .prompt: Style(bold: true),
            .messageError: Style(bold: true),
            .footerKey: Style(bold: true),
        ])
}
