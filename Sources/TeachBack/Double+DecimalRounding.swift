extension Double {
    /// Rounded to two decimal places exactly as Python's `round(x, 2)`: from the exact binary
    /// value (0.675 is stored as 0.67499999…, so it rounds down), ties to even (0.125 → 0.12),
    /// then the double nearest to the decimal result. Researchers compare our averages with the
    /// original service's, which used Python's `round`.
    package var roundedToHundredths: Double {
        guard isFinite, self != 0 else { return self }
        let magnitude = abs(self)
        // From 2^52 up every double is an integer; below 2^-10 (< 0.001) the result is zero.
        if magnitude >= 0x1p52 { return self }
        if magnitude < 0x1p-10 { return self < 0 ? -0.0 : 0.0 }
        // magnitude = m · 2^(e − 52) exactly, with m < 2^53; m · 100 < 2^60 fits in 64 bits.
        let m = magnitude.significandBitPattern | (1 << 52)
        let shift = UInt64(52 - Int(magnitude.exponent))   // 1...62 in this range
        let scaled = m * 100
        var quotient = scaled >> shift
        let remainder = scaled & ((1 << shift) - 1), half = UInt64(1) << (shift - 1)
        if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
        // Both operands are exact, so IEEE division gives the double nearest to quotient / 100.
        let rounded = Double(quotient) / 100
        return self < 0 ? -rounded : rounded
    }
}
