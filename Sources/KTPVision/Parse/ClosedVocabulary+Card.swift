extension ClosedVocabulary {
    static let religion = ClosedVocabulary(
        Vocabulary.religions,
        aliases: [
            "KATHOLIK": "KATOLIK", "KRISTEN KATOLIK": "KATOLIK", "BUDHA": "BUDDHA",
            "KHONGHUCU": "KONGHUCU", "KONG HU CU": "KONGHUCU", "KHONG HU CU": "KONGHUCU",
            "KRISTEN PROTESTAN": "KRISTEN", "PROTESTAN": "KRISTEN",
            "KEPERCAYAAN": "KEPERCAYAAN TERHADAP TUHAN YME",
            "KEPERCAYAAN TERHADAP TUHAN YANG MAHA ESA": "KEPERCAYAAN TERHADAP TUHAN YME",
        ],
        labels: ["AGAMA"],
        exhaustive: true
    )

    static let maritalStatus = ClosedVocabulary(
        Vocabulary.maritalStatuses,
        // Cards issued since Dukcapil's 2022 forms say whether a marriage or divorce is registered.
        aliases: [
            "BLM KAWIN": "BELUM KAWIN", "JANDA": "CERAI MATI", "DUDA": "CERAI MATI",
            "KAWIN TERCATAT": "KAWIN", "KAWIN BELUM TERCATAT": "KAWIN",
            "CERAI HIDUP TERCATAT": "CERAI HIDUP", "CERAI HIDUP BELUM TERCATAT": "CERAI HIDUP",
        ],
        labels: ["STATUS PERKAWINAN", "PERKAWINAN"],
        minimumSimilarity: 0.8,
        exhaustive: true
    )

    static let gender = ClosedVocabulary(
        Vocabulary.genders,
        aliases: ["PRIA": "LAKI-LAKI", "WANITA": "PEREMPUAN"],
        labels: ["JENIS KELAMIN", "KELAMIN"],
        minimumSimilarity: 0.7,
        exhaustive: true
    )

    static let nationality = ClosedVocabulary(
        Vocabulary.nationalities,
        aliases: ["INDONESIA": "WNI"],
        labels: ["KEWARGANEGARAAN"],
        minimumSimilarity: 0.66
    )

    static let occupation = ClosedVocabulary(
        Vocabulary.occupations,
        aliases: [
            "PELAJAR": "PELAJAR/MAHASISWA", "MAHASISWA": "PELAJAR/MAHASISWA", "PNS": "PEGAWAI NEGERI SIPIL",
            "IBU RUMAH TANGGA": "MENGURUS RUMAH TANGGA", "TNI": "TENTARA NASIONAL INDONESIA",
            "POLRI": "KEPOLISIAN RI", "BELUM BEKERJA": "BELUM/TIDAK BEKERJA",
            "TIDAK BEKERJA": "BELUM/TIDAK BEKERJA",
        ],
        labels: ["PEKERJAAN"],
        minimumSimilarity: 0.8
    )
}
