package dev.logindoctor.cli;

public final class LoginDoctor {
    public static void main(String[] args) {
        System.out.println("login-doctor");
    }
}
