/// Word lists for fictional but plausible Indonesian identities. Names are combined at random,
/// so no card shows a real person.
enum NameBank {
    static let maleGiven = [
        "AGUS", "BUDI", "DEDI", "EKO", "FAJAR", "HARI", "INDRA", "JOKO", "KURNIAWAN", "LUKMAN", "MUHAMAD",
        "MUHAMMAD", "NUR", "RAHMAT", "RIZKY", "SLAMET", "TEGUH", "WAHYU", "YUDI", "ARIF", "BAMBANG", "DIMAS",
        "GILANG", "HENDRA", "IMAM", "IRFAN", "PUTU", "KADEK", "MADE", "KETUT", "ANDI", "ASEP", "UJANG",
        "DANU", "FIRMAN", "GALIH", "HADI", "ILHAM", "RUDI", "SUGENG", "TAUFIK", "YOGA", "ZAINAL", "BAYU",
    ]
    static let femaleGiven = [
        "AYU", "DEWI", "FITRI", "INDAH", "KARTIKA", "LESTARI", "MAYA", "NUR", "PUTRI", "RATNA", "SITI",
        "SRI", "TUTI", "WULAN", "YULIANI", "ANISA", "DIAN", "ENDANG", "FARAH", "IKA", "LINDA", "MEGA",
        "NOVI", "RINA", "SARI", "TRI", "UMI", "WATI", "YANTI", "NI LUH", "NI KADEK", "ANDI", "NENG",
        "EUIS", "RAHMAWATI", "SUSI", "HANA", "LAILA", "NABILA", "AULIA", "CITRA", "DWI", "EKA",
    ]
    static let middle = [
        "ADI", "DWI", "EKA", "NUR", "SRI", "TRI", "WAHYU", "PUTRA", "PUTRI", "AJI", "DEWA", "INDAH",
        "RAHAYU", "SANTI", "WIDYA", "YOGA", "DARMA", "CAHYA", "PERMANA", "SETIA",
    ]
    static let family = [
        "SANTOSO", "WIJAYA", "SETIAWAN", "HIDAYAT", "SAPUTRA", "KUSUMA", "PRATAMA", "NUGROHO", "SUSANTO",
        "GUNAWAN", "HARAHAP", "NASUTION", "SIREGAR", "LUBIS", "SIMANJUNTAK", "PANJAITAN", "SITUMORANG",
        "TAMBUNAN", "MANURUNG", "HUTAPEA", "WIBOWO", "HARTONO", "PURNOMO", "SUGIARTO", "SUPRIYADI",
        "RAHMAN", "HASAN", "SYAHPUTRA", "FIRMANSYAH", "RAMADHAN", "KURNIASIH", "LESTARI", "PERTIWI",
        "WULANDARI", "ANGGRAINI", "HANDAYANI", "MAHARANI", "SARAGIH", "SINAGA", "PASARIBU", "TANJUNG",
        "MANDAGI", "RUMAGIT", "PATTIASINA", "LATUPERISSA", "DAENG", "SIRAIT", "PRASETYO", "SUHENDRA",
    ]

    static let streets = [
        "MELATI", "MAWAR", "ANGGREK", "KENANGA", "CEMPAKA", "DAHLIA", "FLAMBOYAN", "BOUGENVILLE",
        "SUDIRMAN", "DIPONEGORO", "GATOT SUBROTO", "AHMAD YANI", "PAHLAWAN", "MERDEKA", "KARTINI",
        "PEMUDA", "SILIWANGI", "GAJAH MADA", "HAYAM WURUK", "CENDRAWASIH", "KASUARI", "NANGKA", "MANGGA",
        "RAMBUTAN", "DURIAN", "SAWO", "KELAPA GADING", "RAYA BOGOR", "PERINTIS", "PELITA", "SEROJA",
    ]
    static let hamlets = [
        "KRAJAN", "SUKAMAJU", "SUKARAME", "MEKARSARI", "KARANGANYAR", "SIDOREJO", "TEGALSARI",
        "CIPONDOH", "PANGKALAN", "KAUMAN", "PUNDUNG", "GEDANGAN", "WONOSARI", "BANJARSARI",
    ]
    static let estates = [
        "GRIYA ASRI", "BUMI INDAH", "TAMAN SARI", "PERMATA HIJAU", "VILLA MUTIARA", "CITRA RAYA",
        "GRAHA PERMAI", "PONDOK INDAH", "TAMAN KENCANA", "BUKIT SEJAHTERA",
    ]

    /// Words printed before a given name: Muslim abbreviations and titles, Balinese and Javanese titles.
    static let malePrefixes = ["M.", "MOH.", "MUH.", "H.", "I GUSTI", "A.A. GDE", "R."]
    static let femalePrefixes = ["HJ.", "ST.", "I GUSTI AYU", "R.A."]
    /// Academic degrees some cards print after the name.
    static let degrees = ["S.PD", "S.KOM", "S.E", "S.H", "S.T", "A.MD", "S.SOS", "DRS.", "S.KEP", "M.PD", "S.AG"]
    /// Further given and family names for long, wrapping names.
    static let longWords = [
        "KUSUMAWARDHANI", "PRAWIRANEGARA", "WIRYOSUMARTO", "SOSRODIHARDJO", "NATAKUSUMAH", "HADIKUSUMO",
        "SUKMAWATI", "TJOKROAMINOTO", "MANGKUNEGORO", "SASTROWARDOYO", "PURBOWINOTO", "KARTAWIDJAJA",
    ]
    /// Street words for long addresses.
    static let areas = ["KOMPLEK", "KAMPUNG", "DUSUN", "LINGKUNGAN", "BANJAR", "JORONG", "KOMPLEKS PERUMAHAN"]
}
