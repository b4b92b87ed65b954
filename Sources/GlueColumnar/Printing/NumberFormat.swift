/// Text forms of floating-point numbers as Spark (Java's `Double.toString`) writes them:
/// shortest round-trip digits; plain notation for magnitudes in [10^-3, 10^7), otherwise
/// `d.dddE±n`; `NaN`, `Infinity`, `-Infinity`.
public enum NumberFormat {
    /// Java's form of a `double`: `1.0`, `0.001`, `1.0E7`, `1.2345E-5`.
    public static func javaString(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return render(value.description, magnitude: value.magnitude, isZero: value == 0)
    }

    /// Java's form of a `float`.
    public static func javaString(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return render(value.description, magnitude: Double(value.magnitude), isZero: value == 0)
    }

    /// Re-renders Swift's shortest round-trip text (`1e+16`, `1.5e-05`, `123.0`) in Java's notation.
    private static func render(_ swiftText: String, magnitude: Double, isZero: Bool) -> String {
        var text = Substring(swiftText)
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text = text.dropFirst()
        }
        if isZero { return sign + "0.0" }
        // Split Swift's text into significant digits and a decimal exponent.
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = 0
        if let point = mantissa.firstIndex(of: ".") {
            let integerPart = mantissa[..<point]
            let fractionPart = mantissa[mantissa.index(after: point)...]
            digits = String(integerPart) + String(fractionPart)
            pointPosition = integerPart.count
        } else {
            digits = String(mantissa)
            pointPosition = digits.count
        }
        // Normalize: strip leading zeros (moving the point) and trailing zeros.
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        let decimalExponent = pointPosition + exponent - 1  // value = d.ddd × 10^decimalExponent
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if decimalExponent >= 0 {
                let integerDigits = decimalExponent + 1
                if digits.count <= integerDigits {
                    return sign + digits + String(repeating: "0", count: integerDigits - digits.count) + ".0"
                }
                let split = digits.index(digits.startIndex, offsetBy: integerDigits)
                return sign + digits[..<split] + "." + digits[split...]
            }
            return sign + "0." + String(repeating: "0", count: -decimalExponent - 1) + digits
        }
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        return sign + first + "." + (rest.isEmpty ? "0" : rest) + "E" + String(decimalExponent)
    }
}
