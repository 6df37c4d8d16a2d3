package org.sahaya.server.demo;

import java.util.List;

/**
 * The home languages of the demo city's elders, weighted towards Kannada, each with a pool of
 * common given names (one for the elders' generation, one for their children's) and family names.
 * Names are drawn and combined at random: synthetic people, not real ones.
 */
enum Community {

    KANNADA("kn", 34,
            List.of("Lakshmi", "Savitri", "Sharada", "Kamala", "Girija", "Jayamma", "Leela", "Shantha", "Sarojini",
                    "Nagamma"),
            List.of("Nagaraj", "Manjunath", "Shivakumar", "Basavaraj", "Venkatesh", "Krishnappa", "Chandrashekar",
                    "Mahadev", "Puttaswamy", "Ramegowda"),
            List.of("Kavya", "Shreya", "Ananya", "Pooja", "Divya", "Sneha", "Bhoomika", "Rashmi"),
            List.of("Rahul", "Karthik", "Arjun", "Pradeep", "Sandeep", "Kiran", "Darshan", "Chetan"),
            List.of("Rao", "Gowda", "Hegde", "Shetty", "Bhat", "Murthy", "Prasad", "Achar", "Urs", "Swamy")),
    ENGLISH("en", 14,
            List.of("Mary", "Philomena", "Lucy", "Teresa", "Grace", "Agnes", "Rita", "Stella", "Irene", "Hilda"),
            List.of("Joseph", "Anthony", "Francis", "Lawrence", "Peter", "Victor", "Cyril", "Vincent", "Ignatius",
                    "Felix"),
            List.of("Sharon", "Nisha", "Melissa", "Rachel", "Anita", "Joanna", "Celine", "Tanya"),
            List.of("Kevin", "Neil", "Rohan", "Ryan", "Ashley", "Nigel", "Glen", "Clive"),
            List.of("D'Souza", "Pinto", "Lobo", "Menezes", "Rodrigues", "Saldanha", "Noronha", "Mascarenhas",
                    "Castelino", "Crasta")),
    HINDI("hi", 14,
            List.of("Kamla", "Sushila", "Savita", "Shanti", "Pushpa", "Sarla", "Usha", "Kusum", "Vimla", "Geeta"),
            List.of("Om Prakash", "Mahesh", "Rajendra", "Vinod", "Ashok", "Harish", "Naresh", "Jagdish", "Kailash",
                    "Suresh"),
            List.of("Neha", "Ritu", "Swati", "Anjali", "Priyanka", "Shweta", "Ruchi", "Nidhi"),
            List.of("Rohit", "Amit", "Vikas", "Ankit", "Gaurav", "Saurabh", "Varun", "Abhishek"),
            List.of("Sharma", "Verma", "Gupta", "Agarwal", "Srivastava", "Mishra", "Tiwari", "Saxena", "Jain",
                    "Khandelwal")),
    TAMIL("ta", 12,
            List.of("Meenakshi", "Kamakshi", "Valli", "Saraswathi", "Rukmini", "Janaki", "Parvathi", "Alamelu",
                    "Vasantha", "Pattammal"),
            List.of("Subramanian", "Ramasamy", "Natarajan", "Venkataraman", "Krishnan", "Sundaram", "Ganesan",
                    "Balasubramanian", "Rangarajan", "Thyagarajan"),
            List.of("Nithya", "Keerthana", "Aishwarya", "Harini", "Janani", "Gayathri", "Sowmya", "Vaishnavi"),
            List.of("Vignesh", "Prasanna", "Senthil", "Balaji", "Ashwin", "Karthikeyan", "Sriram", "Dinesh"),
            List.of("Iyer", "Iyengar", "Pillai", "Chettiar", "Mudaliar", "Raghavan", "Srinivasan", "Chandran",
                    "Sundararajan", "Padmanabhan")),
    TELUGU("te", 11,
            List.of("Annapurna", "Sita", "Suseela", "Varalakshmi", "Padmavathi", "Rajeswari", "Kousalya", "Durga",
                    "Anasuya", "Sarada"),
            List.of("Venkata Rao", "Satyanarayana", "Ramakrishna", "Subba Rao", "Narasimha", "Srinivasa",
                    "Chalapathi", "Koteswara Rao", "Appa Rao", "Bhaskar"),
            List.of("Sravani", "Haritha", "Deepika", "Bhavana", "Sirisha", "Mounika", "Lavanya", "Swetha"),
            List.of("Srikanth", "Phani", "Ravi Teja", "Sai Kiran", "Harsha", "Chaitanya", "Naveen", "Pavan"),
            List.of("Reddy", "Naidu", "Chowdary", "Varma", "Sastry", "Raju", "Rao", "Murthy", "Goud", "Setty")),
    MALAYALAM("ml", 7,
            List.of("Ammini", "Kamalakshi", "Thankamma", "Saraswathy", "Leelamma", "Kunjamma", "Omana", "Sosamma",
                    "Bhargavi", "Annamma"),
            List.of("Gopalan", "Narayanan", "Krishnankutty", "Madhavan", "Kuttappan", "Varghese", "Mathai",
                    "Sankaran", "Chacko", "Balakrishnan"),
            List.of("Anju", "Reshma", "Aswathy", "Neethu", "Sreeja", "Athira", "Remya", "Liya"),
            List.of("Sajith", "Vishnu", "Anoop", "Jithin", "Akhil", "Midhun", "Sreejith", "Ebin"),
            List.of("Nair", "Menon", "Kurup", "Kurian", "Thomas", "Panicker", "Nambiar", "Warrier", "Joseph",
                    "Unnithan")),
    MARATHI("mr", 5,
            List.of("Sunanda", "Vimal", "Shalini", "Mangala", "Sulabha", "Nirmala", "Rohini", "Shobha", "Alka",
                    "Vaishali"),
            List.of("Vasant", "Prabhakar", "Shrikant", "Dattatray", "Madhukar", "Ramchandra", "Sudhir", "Vilas",
                    "Arvind", "Dilip"),
            List.of("Ashwini", "Madhura", "Sayali", "Gauri", "Rutuja", "Prajakta", "Manasi", "Ketaki"),
            List.of("Aniket", "Omkar", "Tushar", "Nikhil", "Sagar", "Mandar", "Tejas", "Chinmay"),
            List.of("Deshpande", "Joshi", "Kulkarni", "Patil", "Gokhale", "Apte", "Kale", "Bhide", "Paranjpe",
                    "Sathe")),
    BENGALI("bn", 3,
            List.of("Anima", "Bela", "Chhaya", "Gouri", "Manju", "Reba", "Sabita", "Shefali", "Minati", "Kalyani"),
            List.of("Amal", "Bimal", "Dilip", "Haradhan", "Nirmal", "Prabir", "Subrata", "Tapan", "Ashim",
                    "Swapan"),
            List.of("Debjani", "Moumita", "Payel", "Rituparna", "Sreyashi", "Tanushree", "Sohini", "Madhurima"),
            List.of("Arindam", "Debashis", "Kaushik", "Sayan", "Soumya", "Subhajit", "Anirban", "Indranil"),
            List.of("Banerjee", "Chatterjee", "Mukherjee", "Das", "Sen", "Ghosh", "Dutta", "Chakraborty",
                    "Bhattacharya", "Sarkar"));

    final String language;
    final int share;
    final List<String> elderWomen;
    final List<String> elderMen;
    final List<String> youngerWomen;
    final List<String> youngerMen;
    final List<String> familyNames;

    Community(String language, int share, List<String> elderWomen, List<String> elderMen,
              List<String> youngerWomen, List<String> youngerMen, List<String> familyNames) {
        this.language = language;
        this.share = share;
        this.elderWomen = elderWomen;
        this.elderMen = elderMen;
        this.youngerWomen = youngerWomen;
        this.youngerMen = youngerMen;
        this.familyNames = familyNames;
    }
}
